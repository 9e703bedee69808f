export { buildFeeds, normalizeSiteUrl } from './build-feeds.js';
export { CALENDAR_SIZE, calendarYears, eventYear } from './icalendar.js';
export type { FeedSet } from './build-feeds.js';
export type { ContentEncoding, FeedFile } from './feed-file.js';
export { CONTENT_TYPES } from './feed-file.js';
export {
  FEED_FORMATS,
  archivePath,
  calendarPath,
  calendarYearPath,
  feedLinks,
  feedScopes,
  listFeeds,
  opmlPath,
  opmlRssPath,
  recordPath,
} from './paths.js';
export type { FeedFormat, FeedLinks, FeedScope } from './paths.js';
export { handleFeedRequest, toWebResponse } from './handler.js';
export {
  SECURITY_HEADERS,
  codingEtag,
  isNotModified,
  negotiateEncoding,
  respondToFeedRequest,
  respondWithFile,
} from './respond.js';
export type { FeedResponse, FeedSource, HeaderReader } from './respond.js';
export { strongEtag } from './strong-etag.js';
// Feeds rendered on demand from @briefing/store, and the feed of any list query.
export { createLiveFeeds } from './live-feeds.js';
export { startRenderWorker } from './render-on-two-threads.js';
export type { LiveFeeds, LiveUpdate } from './live-feeds.js';
export { QUERY_FEED_SIZE, queryFeedPath, respondToQueryFeed } from './query-feed.js';
export type { QueryFeedFormat } from './query-feed.js';
export { carryLastModified } from './carry-last-modified.js';
// One document of any page of items (the dashboard's actor and place feeds).
export { renderFeedDocument } from './render-document.js';
export { absoluteUrl, compareItems, dateAtUtcMidnight, toFeedItem } from './to-feed-item.js';
export type { FeedItem } from './to-feed-item.js';
export type { FeedPage } from './feed-page.js';
export { createFeedServer } from './node-server.js';
export type { ServerLog } from './node-server.js';
export { makeFeedFile } from './feed-file.js';
