import { dataCoverage, type Briefing } from '@briefing/schema';
import { coverageSentence } from '@briefing/present';
import { frameParts, templatedArchiveFrames } from './render-once.js';
import { renderFragments } from './render-fragments.js';
import { CONTENT_TYPES, makeFeedFile, makeRenderedFeedFile } from './feed-file.js';
import type { FeedFile } from './feed-file.js';
import { scopePages } from './feed-page.js';
import { CALENDAR_SIZE, eventYear, renderCalendars } from './icalendar.js';
import { renderOpml } from './opml.js';
import {
  FEED_FORMATS,
  calendarYearPath,
  feedScopes,
  listFeeds,
  opmlPath,
  opmlRssPath,
  scopeSegment,
  scopesOf,
} from './paths.js';
import type { FeedFormat, FeedScope } from './paths.js';
import { RENDERERS } from './render-document.js';
import { compareCreation, compareItems, dateAtUtcMidnight } from './to-feed-item.js';
import type { FeedItemKey } from './to-feed-item.js';

/** Every file of the feeds, by site-relative path; replaced as a whole on rebuild. */
export interface FeedSet {
  files: ReadonlyMap<string, FeedFile>;
  siteUrl: string;
  hubUrl?: string;
}

/** A record's key, the record, its scopes' segments and its place in the newest-first order. */
type BuildItem = FeedItemKey & { record: Briefing; segments: string[]; index: number };

// `updated` of a feed with no records at all; any fixed date would do, never the build time.
const EPOCH = '2023-01-01';

// One renderer per format lives in render-document.ts, shared with single-document feeds.

/** The site URL with a trailing slash, after checking it is an absolute http(s) URL. */
export function normalizeSiteUrl(siteUrl: string): string {
  if (!URL.canParse(siteUrl) || !/^https?:$/.test(new URL(siteUrl).protocol)) {
    throw new Error(
      `site URL must be an absolute http(s) URL (e.g. https://example.org), got "${siteUrl}"`,
    );
  }
  const url = new URL(siteUrl);
  // Every link is a path from the site's root (/feeds/…, /briefings/…), as the dashboard serves
  // them: a site URL with a path would be kept in some links and dropped in others.
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new Error(
      `site URL must be the site's origin alone, such as https://example.org (the feeds and the dashboard are served from the root of their host), got "${siteUrl}"`,
    );
  }
  return url.href;
}

/** Page and calendar sizes are positive integers. */
export function checkSizes(sizes: { pageSize: number; calendarSize: number }): void {
  for (const [name, size] of Object.entries(sizes)) {
    if (!Number.isInteger(size) || size < 1) {
      throw new Error(`${name} must be a positive integer, got ${size}`);
    }
  }
}

/**
 * Build every feed from the records: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for all briefings, each
 * theme, type and participating country (with RFC 5005 archives), the iCalendars (the most
 * recent events, and one per year) and the OPML.
 * Pure: the same records and options give byte-identical files.
 */
export function buildFeeds({
  records,
  siteUrl: rawSiteUrl,
  pageSize = 50,
  calendarSize = CALENDAR_SIZE,
  hubUrl,
}: {
  records: readonly Briefing[];
  siteUrl: string;
  pageSize?: number;
  /** Events in the calendar one subscribes to (the most recent). */
  calendarSize?: number;
  hubUrl?: string;
}): FeedSet {
  checkSizes({ pageSize, calendarSize });
  const siteUrl = normalizeSiteUrl(rawSiteUrl);
  if (hubUrl !== undefined && !/^https?:$/.test(URL.parse(hubUrl)?.protocol ?? '')) {
    throw new Error(`hub URL must be an absolute http(s) URL, got "${hubUrl}"`);
  }
  // Only what orders and pages the items is kept for all records; each item's texts are made per
  // render batch below and die young, instead of ~100 MiB of strings aging into the old generation.
  const items: BuildItem[] = records
    .map((record) => ({
      recordId: record.id,
      published: dateAtUtcMidnight(record.revision.created),
      updated: dateAtUtcMidnight(record.revision.updated),
      eventStart: record.date.start,
      record,
      segments: scopesOf(record).map((scope) => scopeSegment({ scope })),
      // Its place in this order, which is its fragments' place too (set below).
      index: 0,
    }))
    .sort(compareItems);
  items.forEach((item, index) => (item.index = index));
  const newest = items[0]?.updated ?? dateAtUtcMidnight(EPOCH);
  const files = new Map<string, FeedFile>();
  const add = (file: FeedFile) => files.set(file.path, file);

  const coverageNote = coverageSentence(dataCoverage(records));
  const scopes = feedScopes({ records });
  // Items of each scope, newest first, and in the order they were added (archives): one pass
  // over the records each rather than one sort per scope.
  const inScopes = (ordered: readonly BuildItem[]) => {
    const byScope = new Map<string, FeedItemKey[]>();
    for (const item of ordered) {
      for (const key of item.segments) {
        const list = byScope.get(key);
        if (list === undefined) byScope.set(key, [item]);
        else list.push(item);
      }
    }
    return byScope;
  };
  const byScope = inScopes(items);
  const byScopeCreation = inScopes([...items].sort(compareCreation));
  const pagesOf = (scope: FeedScope) =>
    scopePages({
      scope,
      items: byScope.get(scopeSegment({ scope })) ?? [],
      byCreation: byScopeCreation.get(scopeSegment({ scope })) ?? [],
      siteUrl,
      pageSize,
      ...(hubUrl === undefined ? {} : { hubUrl }),
      emptyUpdated: newest,
      coverageNote,
    });
  // Each record is rendered once per format and its fragment shared by every document it is in
  // (all, its themes, its type, its countries, current or archive): ~6x less work than per page.
  const rendered = renderFragments({
    records: items.map(({ record }) => record),
    siteUrl,
    kinds: FEED_FORMATS,
  });
  const frameOf = Object.fromEntries(
    FEED_FORMATS.map((format) => [format, templatedArchiveFrames(RENDERERS[format].frame)]),
  ) as Record<FeedFormat, (typeof RENDERERS)[FeedFormat]['frame']>;
  for (const scope of scopes) {
    for (const page of pagesOf(scope)) {
      for (const format of FEED_FORMATS) {
        const fragments = rendered.get(format)!;
        const parts = frameParts({
          frame: frameOf[format]({ page }),
          // A page holds the items it was given: ours.
          itemFragments: page.items.map((item) => fragments[(item as BuildItem).index]!),
        });
        const file = {
          path: new URL(page.self[format]).pathname,
          contentType: CONTENT_TYPES[format],
          lastModified: page.updated,
        };
        // Subscription documents are read all the time: kept. Archives are joined from the
        // shared item fragments when read, so their bytes are never all in memory at once.
        add(
          page.archivePage === undefined
            ? makeFeedFile({ ...file, parts })
            : makeRenderedFeedFile({ ...file, parts: () => parts }),
        );
      }
    }
  }

  const updatedIn = new Map<string, Date>();
  for (const { record, updated } of items) {
    const path = calendarYearPath({ year: eventYear(record.date.start) });
    if ((updatedIn.get(path)?.getTime() ?? -Infinity) < updated.getTime())
      updatedIn.set(path, updated);
  }
  for (const [path, parts] of renderCalendars({ records, siteUrl, size: calendarSize })) {
    add(
      makeFeedFile({
        path,
        contentType: CONTENT_TYPES.ics,
        parts,
        // The calendar one subscribes to by the newest update of all; a year's by its own.
        lastModified: updatedIn.get(path) ?? newest,
      }),
    );
  }
  const listed = listFeeds(records);
  for (const [path, format] of [
    [opmlPath, 'atom'],
    [opmlRssPath, 'rss'],
  ] as const) {
    add(
      makeFeedFile({
        path,
        contentType: CONTENT_TYPES.opml,
        text: renderOpml({ feeds: listed, siteUrl, format }),
        lastModified: newest,
      }),
    );
  }
  return { files, siteUrl, ...(hubUrl === undefined ? {} : { hubUrl }) };
}
