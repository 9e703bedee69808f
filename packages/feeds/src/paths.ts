// Feed URLs, titles and scopes are the presentation package's (one home for every URL and label);
// this module names what the feeds use of them and adds the scope test.
import { filterBriefings } from '@briefing/schema';
import type { Briefing } from '@briefing/schema';
import { scopeQuery, type FeedScope } from '@briefing/present';

export {
  FEED_FORMATS,
  FEEDS_ROOT,
  archivePath,
  calendarPath,
  calendarYearOf,
  calendarYearPath,
  feedLinks,
  feedScopes,
  listFeeds,
  opmlPath,
  opmlRssPath,
  recordPath,
  scopePagePath,
  scopeSegment,
  scopeTitle,
  scopesOf,
} from '@briefing/present';
export type { FeedFormat, FeedLinks, FeedScope } from '@briefing/present';

/** Whether a record belongs in a scope's feed: exactly when the scope's list query matches it. */
export function inScope({ scope, record }: { scope: FeedScope; record: Briefing }): boolean {
  return filterBriefings({ records: [record], query: scopeQuery({ scope }) }).length === 1;
}
