import type { BriefingQuery } from '@briefing/schema';
import { listHref, listSearchParams, SITE_NAME, viewFeedPath } from '@briefing/present';
import { searchQuery, type Store } from '@briefing/store';
import { normalizeSiteUrl } from './build-feeds.js';
import { CONTENT_TYPES, makeFeedFile, type FeedFile } from './feed-file.js';
import { strongEtag } from './strong-etag.js';
import type { FeedPage } from './feed-page.js';
import { toWebResponse } from './handler.js';
import { calendarFrame } from './icalendar.js';
import { DEFAULT_ITEM_CACHE_BYTES } from './fragment-cache.js';
import { ItemFragments } from './item-fragments.js';
import type { FeedFormat } from './paths.js';
import { RENDERERS } from './render-document.js';
import { frameParts } from './render-once.js';
import { respondWithFile, SECURITY_HEADERS } from './respond.js';
import { absoluteUrl, dateAtUtcMidnight } from './to-feed-item.js';

export type QueryFeedFormat = FeedFormat | 'ics';

/** Items in a feed of a query: the newest this many records of the list. */
export const QUERY_FEED_SIZE = 50;
// Documents kept per store and site: a few followed views are polled again and again.
const KEPT = 64;

/** The default address of a query's feed: /feeds/view.atom?theme=space (the list's parameters). */
export function queryFeedPath({
  query,
  format,
}: {
  query: BriefingQuery;
  format: QueryFeedFormat;
}): string {
  return viewFeedPath({ query, format });
}

interface PerSite {
  fragments: ItemFragments;
  /** The store change the fragments have seen. */
  version: number;
  kept: Map<string, FeedFile>;
}

// One fragment cache and LRU per store and site, dropped with the store.
const perStore = new WeakMap<Store, Map<string, PerSite>>();

function siteState(store: Store, siteUrl: string): PerSite {
  let sites = perStore.get(store);
  if (sites === undefined) {
    sites = new Map();
    perStore.set(store, sites);
  }
  let state = sites.get(siteUrl);
  if (state === undefined) {
    const created: PerSite = {
      fragments: new ItemFragments({ store, siteUrl, maxBytes: DEFAULT_ITEM_CACHE_BYTES }),
      version: store.dataVersion,
      kept: new Map(),
    };
    store.onChange(({ dataVersion, added, updated, removed }) => {
      created.fragments.forget([...added, ...updated, ...removed]);
      created.version = dataVersion;
      // Every kept document names an older data version now.
      created.kept.clear();
    });
    state = created;
    sites.set(siteUrl, state);
  }
  return state;
}

/**
 * The feed of any list view (issue #14, "follow any view"): the newest records of exactly that
 * query, newest first as the list shows them (event date, latest first), in Atom, RSS, JSON Feed
 * or iCalendar. Item ids are the records' `tag:` URIs, as in every other feed; the feed's id and
 * self link are its own canonical URL (`selfPath`, by default queryFeedPath), its alternate link
 * the list page. Strong ETag, 304, HEAD, gzip and brotli as for the fixed feeds; each document
 * is kept per query and data version in a small LRU.
 */
export function respondToQueryFeed({
  store,
  siteUrl: rawSiteUrl,
  query,
  text,
  format,
  request,
  selfPath,
  title,
}: {
  store: Store;
  siteUrl: string;
  query: BriefingQuery;
  /**
   * Search words, matched as the list matches them (store.list's `search`: prefixes, any case or
   * accents, names in any known spelling).
   */
  text?: string;
  format: QueryFeedFormat;
  request: Request;
  /** The feed's own site-relative URL (default queryFeedPath). */
  selfPath?: string;
  /** The feed's title (default "<site>: <list URL>"). */
  title?: string;
}): Response {
  const head = request.method === 'HEAD';
  if (request.method !== 'GET' && !head) {
    return new Response(null, {
      status: 405,
      headers: { allow: 'GET, HEAD', ...SECURITY_HEADERS },
    });
  }
  const siteUrl = normalizeSiteUrl(rawSiteUrl);
  const fullQuery: BriefingQuery =
    text === undefined || text.trim() === '' ? query : { ...query, text: text.trim() };
  const self = selfPath ?? queryFeedPath({ query: fullQuery, format });
  const state = siteState(store, siteUrl);
  const key = JSON.stringify([self, format, title ?? '', fullQuery]);
  let file = state.kept.get(key);
  if (file === undefined) {
    file = render({ store, state, siteUrl, query: fullQuery, format, self, title });
    // Kept only when rendered from the data version the cache follows (a change committed but
    // not yet announced would otherwise be cached under the old one).
    if (store.dataVersion === state.version) {
      state.kept.set(key, file);
      if (state.kept.size > KEPT) state.kept.delete(state.kept.keys().next().value!);
    }
  } else {
    // Most recently used last.
    state.kept.delete(key);
    state.kept.set(key, file);
  }
  return toWebResponse(
    respondWithFile({
      feeds: { siteUrl },
      file,
      head,
      header: (name) => request.headers.get(name),
    }),
  );
}

function render({
  store,
  state,
  siteUrl,
  query,
  format,
  self,
  title,
}: {
  store: Store;
  state: PerSite;
  siteUrl: string;
  query: BriefingQuery;
  format: QueryFeedFormat;
  self: string;
  title: string | undefined;
}): FeedFile {
  const keep = store.dataVersion === state.version;
  // One snapshot: the records, their versions and the date all come from one data version.
  const { records, changedAt } = store.read((reader) => ({
    records: reader.list({
      ...searchQuery(query),
      sort: { by: 'date', order: 'desc' },
      pageSize: QUERY_FEED_SIZE,
    }).records,
    changedAt: reader.status().changedAt,
  }));
  const ids = records.map((record) => record.id);
  const listUrl = absoluteUrl({ siteUrl, path: listHref({ query }) });
  const selfUrl = absoluteUrl({ siteUrl, path: self });
  const feedTitle = title ?? `${SITE_NAME}: ${listHref({ query })}`;
  let newest = dateAtUtcMidnight('2023-01-01');
  for (const record of records) {
    const updated = dateAtUtcMidnight(record.revision.updated);
    if (updated > newest) newest = updated;
  }
  let parts: Buffer[];
  if (format === 'ics') {
    const frame = calendarFrame({
      calendarUrl: selfUrl,
      name: feedTitle,
      description: `The ${QUERY_FEED_SIZE} most recent records of the list ${listUrl} (by date), as all-day events.`,
    });
    parts = frameParts({ frame, itemFragments: state.fragments.get({ ids, kind: 'ics', keep }) });
  } else {
    const urls = { rss: selfUrl, atom: selfUrl, json: selfUrl };
    const page: FeedPage = {
      scope: { kind: 'all' },
      feedId: `tag:${new URL(siteUrl).hostname},2023:feeds/view?${listSearchParams({ query })}`,
      title: feedTitle,
      description: `The newest ${QUERY_FEED_SIZE} records of the list ${listUrl}, newest first.`,
      homeUrl: listUrl,
      siteUrl,
      items: [],
      updated: newest,
      self: urls,
      current: urls,
    };
    parts = frameParts({
      frame: RENDERERS[format].frame({ page }),
      itemFragments: state.fragments.get({ ids, kind: format, keep }),
    });
  }
  const body = Buffer.concat(parts);
  // Dated by the newest record or the store's last commit, whichever is later: honest (any
  // change to these records is a commit) and the same after a restart.
  const committed = changedAt === '' ? 0 : Math.floor(Date.parse(changedAt) / 1000) * 1000;
  return makeFeedFile({
    path: self,
    contentType: CONTENT_TYPES[format],
    bytes: body,
    etag: strongEtag([body]),
    lastModified: new Date(Math.max(newest.getTime(), committed)),
  });
}
