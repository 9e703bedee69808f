import { error } from '@sveltejs/kit';
import { handleFeeds, liveFeeds } from '#lib/server/feeds.ts';
import { getLiveData } from '#lib/server/live-data.ts';
import type { EntryGenerator, RequestHandler } from './$types';

// On the node server hooks.server.ts answers /feeds/… first. This route exists so that a static
// build prerenders every file of the FeedSet (the hook answers those requests too).
export const prerender = import.meta.env.BRIEFING_STATIC;

export const entries: EntryGenerator = async () => {
  const feeds = await liveFeeds(await getLiveData());
  return feeds.paths().map((path) => ({ path: path.replace(/^\/feeds\//, '') }));
};

export const GET: RequestHandler = async ({ request, url }) => {
  const response = await handleFeeds({ request, url });
  if (response === undefined) error(404, { message: `No feed at ${url.pathname}.` });
  return response;
};
