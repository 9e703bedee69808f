// What a record is rendered as, in each feed format and as a calendar event: the one place that
// renders records' fragments, for the live feeds and buildFeeds.
import type { Briefing } from '@briefing/schema';
import { scopePages, type FeedPage } from './feed-page.js';
import { renderCalendarEvents } from './icalendar.js';
import { FEED_FORMATS, type FeedFormat } from './paths.js';
import { RENDERERS } from './render-document.js';
import { ITEMS_PER_RENDER } from './render-once.js';
import { toFeedItem, type FeedItem } from './to-feed-item.js';

/** What a record is rendered as: its item in each feed format and its calendar event. */
export type FragmentKind = FeedFormat | 'ics';
export const FRAGMENT_KINDS: readonly FragmentKind[] = [...FEED_FORMATS, 'ics'];

/** Each kind's fragments, one per record, in the records' order. */
export type Fragments = Map<FragmentKind, Buffer[]>;

/** Each fragment's digestOf (strong-etag.ts), by kind, in the fragments' order. */
export type Digests = Map<FragmentKind, string[]>;

/** A page to render items for: item fragments do not depend on the document they are cut from. */
export function samplePage(siteUrl: string): FeedPage {
  return scopePages({
    scope: { kind: 'all' },
    items: [],
    siteUrl,
    pageSize: 1,
    emptyUpdated: new Date(0),
  })[0]!;
}

/** The fragments of a few records (at most ITEMS_PER_RENDER) in each kind. */
function renderBatch({
  records,
  siteUrl,
  kinds,
  page,
}: {
  records: readonly Briefing[];
  siteUrl: string;
  kinds: readonly FragmentKind[];
  page: FeedPage;
}): Fragments {
  const fragments: Fragments = new Map();
  // The feed item model only when a feed format is asked for (not for the calendar alone).
  let items: FeedItem[] | undefined;
  for (const kind of kinds) {
    if (kind === 'ics') {
      fragments.set(kind, renderCalendarEvents({ records, siteUrl }));
      continue;
    }
    items ??= records.map((record) => toFeedItem({ record, siteUrl }));
    fragments.set(kind, RENDERERS[kind].items({ items, page }));
  }
  return fragments;
}

/**
 * Each record's fragment in each kind, as UTF-8 bytes. A batch at a time: the rendered strings
 * die young (cheap to collect) instead of aging into the old generation. `page`: a samplePage
 * made once by a caller that renders often.
 */
export function renderFragments({
  records,
  siteUrl,
  kinds,
  page = samplePage(siteUrl),
}: {
  records: readonly Briefing[];
  siteUrl: string;
  kinds: readonly FragmentKind[];
  page?: FeedPage;
}): Fragments {
  const out: Fragments = new Map(kinds.map((kind) => [kind, []]));
  for (let start = 0; start < records.length; start += ITEMS_PER_RENDER) {
    const batch = records.slice(start, start + ITEMS_PER_RENDER);
    for (const [kind, fragments] of renderBatch({ records: batch, siteUrl, kinds, page })) {
      out.get(kind)!.push(...fragments);
    }
  }
  return out;
}
