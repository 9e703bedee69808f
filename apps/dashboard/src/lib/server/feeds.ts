import { handleFeedRequest } from '@briefing/feeds';
import { getStore } from './store.js';

/**
 * The feeds under /feeds/… from the FeedSet built at startup, with @briefing/feeds' caching
 * headers, content coding and 304s; undefined for every other path (the /feeds page included).
 */
export async function handleFeeds({
  request,
  url,
}: {
  request: Request;
  url: URL;
}): Promise<Response | undefined> {
  if (!url.pathname.startsWith('/feeds/') || url.pathname === '/feeds/') return undefined;
  const { feeds } = await getStore();
  return handleFeedRequest({ feeds, request });
}
