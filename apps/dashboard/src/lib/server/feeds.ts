import {
  createLiveFeeds,
  handleFeedRequest,
  respondToQueryFeed,
  type LiveFeeds,
  type QueryFeedFormat,
} from '@briefing/feeds';
import { FEEDS_ROOT, SITE_NAME } from '@briefing/present/urls';
import { describeQuery, parseListParams } from '../list-params.js';
import { entityFeedFile } from './entities.js';
import { getLiveData, type LiveData } from './live-data.js';

let live: Promise<LiveFeeds> | undefined;

/** Every feed of the index, rendered on demand and kept until an edit touches it. */
export function liveFeeds(data: LiveData): Promise<LiveFeeds> {
  live ??= createLiveFeeds({ store: data.index, siteUrl: data.siteUrl }).then((feeds) => {
    // The calendar subscribers poll: render its events before anyone asks, a slice at a time.
    void feeds.prepareCalendar();
    return feeds;
  });
  return live;
}

/** Stops the live feeds' background work (the server is stopping; the index closes next). */
export async function closeLiveFeeds(): Promise<void> {
  const feeds = await live?.catch(() => undefined);
  feeds?.close();
}

// The feed of a list view: /feeds/view.atom?theme=defense&country=CHN (the list's parameters).
const VIEW_FEED = /^\/feeds\/view\.(atom|rss|json|ics)$/;

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
  const data = await getLiveData();
  const view = VIEW_FEED.exec(url.pathname);
  if (view !== null) return viewFeed({ data, request, url, format: view[1] as QueryFeedFormat });
  // An actor's or a place's feed is made on first request, then answered like the others.
  const file = await entityFeedFile({ snapshot: () => data.snapshot(), path: url.pathname });
  if (file !== undefined) {
    return handleFeedRequest({
      feeds: { siteUrl: data.siteUrl, files: new Map([[url.pathname, file]]) },
      request,
    });
  }
  const feeds = await liveFeeds(data);
  // The calendar asked for while its events are still being rendered waits for them here, not
  // by holding the event loop (see LiveFeeds.whenReady).
  await feeds.whenReady(url.pathname);
  return feeds.handle(request);
}

/** Exactly the records of a list view, newest first, as a feed or a calendar. */
function viewFeed({
  data,
  request,
  url,
  format,
}: {
  data: LiveData;
  request: Request;
  url: URL;
  format: QueryFeedFormat;
}): Response {
  // The list's own parameters, read as the list reads them (unknown ones are left out).
  const { query } = parseListParams({ params: url.searchParams });
  const description = describeQuery(query);
  return respondToQueryFeed({
    store: data.index,
    siteUrl: data.siteUrl,
    query,
    format,
    request,
    title: description === '' ? `${SITE_NAME}: every record` : `${SITE_NAME}: ${description}`,
  });
}
