import { buildFeeds, handleFeedRequest, type FeedSet } from '@briefing/feeds';
import { FEEDS_ROOT } from '@briefing/present/urls';
import { entityFeedFile } from './entities.js';
import { getSnapshot } from './live-data.js';
import { memo, type Snapshot } from './snapshot.js';

/** Every feed file of a snapshot, built on first request. */
export function feedSet(snapshot: Snapshot): FeedSet {
  return memo(snapshot, 'feeds', () =>
    buildFeeds({ records: snapshot.records, siteUrl: snapshot.siteUrl }),
  );
}

/**
 * The feeds under /feeds/…, with @briefing/feeds' caching headers, content coding and 304s;
 * undefined for every other path (the /feeds page included).
 */
export async function handleFeeds({
  request,
  url,
}: {
  request: Request;
  url: URL;
}): Promise<Response | undefined> {
  if (!url.pathname.startsWith(FEEDS_ROOT) || url.pathname === FEEDS_ROOT) return undefined;
  const snapshot = await getSnapshot();
  // An actor's or a place's feed is made on first request, then answered like the others.
  const file = entityFeedFile({ snapshot, path: url.pathname });
  const feeds = feedSet(snapshot);
  return handleFeedRequest({
    feeds: file === undefined ? feeds : { ...feeds, files: new Map([[url.pathname, file]]) },
    request,
  });
}
