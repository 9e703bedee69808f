import { handleFeedRequest } from '@briefing/feeds';
import { FEEDS_ROOT } from '@briefing/present/urls';
import { entityFeedFile } from './entities.js';
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
  if (!url.pathname.startsWith(FEEDS_ROOT) || url.pathname === FEEDS_ROOT) return undefined;
  const store = await getStore();
  // An actor's or a place's feed is made on first request, then answered like the others.
  const file = entityFeedFile({ store, path: url.pathname });
  const feeds =
    file === undefined ? store.feeds : { ...store.feeds, files: new Map([[url.pathname, file]]) };
  return handleFeedRequest({ feeds, request });
}
