import { coverageSentence } from '@briefing/present';
import { createHash } from 'node:crypto';
import { recordHashes, type Store, type StoreChange } from '@briefing/store';
import { checkSizes, normalizeSiteUrl } from './build-feeds.js';
import { codeFingerprint } from './code-fingerprint.js';
import { CONTENT_TYPES, makeFeedFile, makeRenderedFeedFile } from './feed-file.js';
import { digestOf, strongEtag } from './strong-etag.js';
import type { FeedFile } from './feed-file.js';
import { ScopePages, type FeedPage } from './feed-page.js';
import { toWebResponse } from './handler.js';
import {
  CALENDAR_SIZE,
  calendarFrame,
  currentCalendarDescription,
  eventYear,
  yearCalendarText,
} from './icalendar.js';
import { DEFAULT_ITEM_CACHE_BYTES } from './fragment-cache.js';
import { DEFAULT_KEPT_ARCHIVES, KeptDocuments } from './kept-documents.js';
import { ItemFragments } from './item-fragments.js';
import {
  encodeItemLayout,
  layoutOf,
  parseItemLayout,
  ReusableItems,
  type ItemLayout,
  type ReadRange,
} from './item-layout.js';
import { LastModifiedLedger } from './last-modified-ledger.js';
import { renderOpml } from './opml.js';
import {
  FEED_FORMATS,
  calendarPath,
  calendarYearOf,
  calendarYearPath,
  feedLinks,
  opmlPath,
  opmlRssPath,
  scopeSegment,
  type FeedFormat,
} from './paths.js';
import { decodeKeysSnapshot, KeysSnapshotEncoder } from './keys-snapshot.js';
import { RecordKeys, type KeySource } from './record-keys.js';
import { RENDERERS } from './render-document.js';
import {
  encodeFrame,
  frameDigests,
  frameParts,
  templatedArchiveFrames,
  templatedCoverageFrames,
  type DocumentFrame,
  type EncodedFrame,
} from './render-once.js';
import {
  respondToFeedRequest,
  type FeedResponse,
  type FeedSource,
  type HeaderReader,
} from './respond.js';
import { absoluteUrl, dateAtUtcMidnight } from './to-feed-item.js';
import { WarmedItems } from './warmed-items.js';

/** Feeds rendered from a store on demand, kept until an edit touches them. */
export interface LiveFeeds extends FeedSource {
  /** The response for a request under /feeds/, or undefined for any other path. */
  handle(request: Request): Response | undefined;
  /** The same as plain data (for node:http). */
  respond(options: {
    method: string;
    path: string;
    header: HeaderReader;
  }): FeedResponse | undefined;
  /** The document at a path (rendered now if it is not kept), or undefined if there is none. */
  file(path: string): FeedFile | undefined;
  /** The path of every document there is now (what `buildFeeds` would write). */
  paths(): string[];
  /**
   * What the document at a path is made from (its page, the content hash of each record it
   * shows), as a short hash, without rendering it: the same signature and `fingerprint` give the
   * same bytes, in this process or a later one. Undefined for a path with no document, or while
   * the store has a change not applied yet (render then).
   */
  signature(path: string): string | undefined;
  /** The code and options every document depends on (see signature). */
  readonly fingerprint: string;
  /**
   * Where each record's item sits in the document at a path, as rendered here: kept for the
   * documents of every record (the calendars of each year and the all-briefings feeds and
   * archives), so that a later process can reuse the items with `reuseItems`.
   */
  itemLayout(path: string): string | undefined;
  /**
   * Every record's ordering key and content hash, for `previousKeys` of a later process (kept
   * beside a build output); undefined while the store has a change not applied yet.
   */
  keysSnapshot(): string | undefined;
  /**
   * Take the items of records whose content hash is unchanged from an earlier build's documents
   * (their itemLayout, and a way to read their bytes) instead of rendering them again; undefined
   * to stop. A document rendered here is no longer read: `read` may then give the files of a
   * later output in which the other documents are the same files (links), as a running build
   * writes.
   */
  reuseItems(
    options:
      | {
          /** Each document's itemLayout, by path. */
          layouts: Iterable<[path: string, layout: string]>;
          read: (path: string) => Uint8Array | undefined;
          /** Some bytes of a file (fewer reads when few items are taken from it). */
          readRange?: ReadRange;
        }
      | undefined,
  ): void;
  /** Render every record's items and event now, a batch at a time (before writing every file). */
  warm(): void;
  /**
   * Keep no more than a server keeps: rendered items within its budget (calendar events are all
   * kept) and no rendered document. For a process that stays after a build wrote every document
   * (the build daemon): the next build renders only the documents whose signature changed, and
   * takes their other items from what is kept, an earlier output (reuseItems) or the store.
   * `maxItemBytes`: the budget, a server's by default.
   */
  shrink(options?: { maxItemBytes?: number }): void;
  /**
   * Runs `work` on one snapshot of the store: for work that asks for many documents (a build).
   * Everything it renders comes from one data version, and the check before keeping each
   * document (has the store a change not applied yet?) costs no lock of the index each time.
   */
  batch<T>(work: () => T): T;
  /**
   * Render the events of the calendar one subscribes to in the background, in slices that leave
   * the event loop free: its first request would otherwise render them all at once (about 0.1 s
   * for its 1,000 events).
   */
  prepareCalendar(): Promise<void>;
  /**
   * Settles once the document at `path` can be answered without long work on the event loop;
   * undefined when it can be now. Only calendars ever wait (a year's holds every event of that
   * year, ~3,300 at 100,000 records): asked for before their events are all rendered, for the
   * rest, rendered a slice at a time without rests; made again after an edit, for their body,
   * joined a slice at a time (instead of either at once, holding every other request meanwhile).
   * Wait once: if edits keep coming, it settles after a few rounds anyway.
   */
  whenReady(path: string): Promise<void> | undefined;
  /** Called after each store change has been applied, with the paths whose documents were dropped. */
  onUpdate(listener: (update: LiveUpdate) => void): () => void;
  /** The store's data version the feeds answer from. */
  readonly dataVersion: number;
  /** Stop following the store. */
  close(): void;
}

export interface LiveUpdate {
  dataVersion: number;
  /** The records the change added, updated or removed. */
  ids: string[];
  /** Documents that were kept and are now dropped (to be rendered again when asked for). */
  dropped: string[];
}

// `updated` of a feed with no records at all; any fixed date would do, never the build time.
const EPOCH = '2023-01-01';
const FEED_PATH = /^\/feeds\/(?:archive\/(.+)\/\d+|(.+))\.(rss|atom|json)$/;
// What a document's date depends on besides its scope (see LastModifiedLedger).
const COVERAGE = 'coverage';
const CALENDAR = 'calendar';
const OPML = 'opml';
// What a year's calendar depends on (see LastModifiedLedger).
const calendarYearKey = (year: string) => `calendar:${year}`;
const isCalendarPath = (path: string) =>
  path === calendarPath || calendarYearOf(path) !== undefined;

/** The documents of one scope, by path: each page is made when first asked for. */
interface ScopeDocuments {
  get(path: string): { page: FeedPage; format: FeedFormat } | undefined;
  keys(): Iterable<string>;
  pages?: ScopePages;
}

const NO_DOCUMENTS: ScopeDocuments = { get: () => undefined, keys: () => [] };

interface Kept {
  file: FeedFile;
  /** The scope segment of a feed document; undefined for the calendars and the OPML. */
  segment?: string;
  /** The year of a year's calendar. */
  year?: string;
  current: boolean;
  /**
   * Of a feed document: what its page was made of (pageSignature) and the records it lists; of a
   * calendar, its records.
   */
  signature?: string;
  ids?: readonly string[];
  /** Its signature, once asked for. */
  digest?: string;
  /**
   * Where each record's item sits, encoded, made when first asked for (documents of every record
   * only, see itemLayout).
   */
  layout?: () => string | undefined;
}

/** What a feed document is made of besides its items: its page's frame, records and signature. */
interface FeedLayout {
  page: FeedPage;
  frame: EncodedFrame;
  ids: readonly string[];
  signature: string;
  /** Where its records are among the items a full build is rendering (see WarmedItems). */
  positions?: Int32Array;
}

// Pages never change once made: each one's signature is worked out once, for the layout of its
// documents and for the signature a build's output keeps (both ask for it in a full build).
const pageSignatures = new WeakMap<FeedPage, string>();

/** Everything a feed document's bytes depend on besides its records' own texts. */
function pageSignature(page: FeedPage): string {
  let signature = pageSignatures.get(page);
  if (signature === undefined) {
    signature = JSON.stringify([
      page.items.map((item) => item.recordId),
      page.updated.getTime(),
      page.description,
      page.prevArchive?.rss ?? '',
      page.nextArchive?.rss ?? '',
    ]);
    pageSignatures.set(page, signature);
  }
  return signature;
}

/**
 * Serve every feed of a store (the files buildFeeds writes, byte for byte the same) without
 * building them first: a document is rendered from the store when first asked for and kept with
 * its ETag and, once asked for, its gzip and brotli bytes; each record's items are rendered once
 * and shared. A store change drops only the documents whose scope gained, lost or changed a
 * record (and every subscription document when the coverage sentence changes). Resolves once the
 * records' ordering keys are loaded (a fraction of a second per 10,000 records, in slices).
 */
export async function createLiveFeeds({
  store,
  siteUrl: rawSiteUrl,
  pageSize = 50,
  calendarSize = CALENDAR_SIZE,
  hubUrl,
  previousKeys,
  maxItemBytes = DEFAULT_ITEM_CACHE_BYTES,
  maxKeptArchives = DEFAULT_KEPT_ARCHIVES,
}: {
  store: Store;
  siteUrl: string;
  pageSize?: number;
  /** Events in the calendar one subscribes to (the most recent). */
  calendarSize?: number;
  hubUrl?: string;
  /**
   * A keysSnapshot of an earlier process (with the same code and options), if there is one: the
   * keys of records whose content hash is unchanged are taken from it, and only the others are
   * read from the store. Anything else (another build's, malformed) is ignored.
   */
  previousKeys?: () => string | undefined;
  /**
   * The most bytes of rendered items kept per feed format, least recently used out first
   * (calendar events are all kept). A build that writes every document passes Infinity: each
   * item is then rendered once for all the documents that list it.
   */
  maxItemBytes?: number;
  /** The most archive documents kept once rendered (see KeptDocuments). */
  maxKeptArchives?: number;
}): Promise<LiveFeeds> {
  checkSizes({ pageSize, calendarSize });
  const siteUrl = normalizeSiteUrl(rawSiteUrl);
  if (hubUrl !== undefined && !/^https?:$/.test(URL.parse(hubUrl)?.protocol ?? '')) {
    throw new Error(`hub URL must be an absolute http(s) URL, got "${hubUrl}"`);
  }
  const keys = new RecordKeys();
  const fragments = new ItemFragments({ store, siteUrl, maxBytes: maxItemBytes });
  const status = store.status();
  const ledger = new LastModifiedLedger({
    since: status.changedAt === '' ? undefined : new Date(status.changedAt),
  });
  let applied = status.dataVersion;
  const queued: StoreChange[] = [];
  let loading = true;
  const listeners = new Set<(update: LiveUpdate) => void>();
  const kept = new KeptDocuments<Kept>({
    isArchive: (entry) => entry.segment !== undefined && !entry.current,
    maxArchives: maxKeptArchives,
  });
  // Each scope's pages, made one by one as documents are asked for, and where each path leads.
  // They read the scope's sorted key lists, which an edit changes in place: apply drops the
  // pages of every scope an edit touches (the record's scopes before and after) first.
  const pagesBySegment = new Map<string, ScopeDocuments>();
  // The pages dropped by the last edits, until their scope's are made again (see ScopePages).
  const replacedPages = new Map<string, ScopePages>();
  const dropPages = (segment: string) => {
    const pages = pagesBySegment.get(segment)?.pages;
    if (pages !== undefined) replacedPages.set(segment, pages);
    pagesBySegment.delete(segment);
  };
  // Archive frames from one template per scope and shape; subscription frames from one per page
  // and coverage-free description (see render-once.ts).
  const frameOf = Object.fromEntries(
    FEED_FORMATS.map((format) => [
      format,
      templatedCoverageFrames(templatedArchiveFrames(RENDERERS[format].frame)),
    ]),
  ) as Record<FeedFormat, (options: { page: FeedPage; coverageNote: string }) => DocumentFrame>;
  let coverageNote = '';
  let newest = dateAtUtcMidnight(EPOCH);
  let scopeList = '';

  const summarize = () => {
    const coverage = keys.coverage();
    coverageNote = coverageSentence(coverage);
    newest = dateAtUtcMidnight(coverage?.updated ?? EPOCH);
    scopeList = keys
      .scopes()
      .map((scope) => scopeSegment({ scope }))
      .join(' ');
  };

  // Each calendar's signature, until a change touches the calendar (see calendarDigest).
  const calendarDigests = new Map<string, string>();

  const apply = (change: StoreChange): void => {
    const ids = [...change.added, ...change.updated, ...change.removed];
    const touched = new Set<string>();
    // The years whose calendars gain, lose or change an event.
    const years = new Set<string>();
    store.read((reader) => {
      for (const id of ids) {
        const start = keys.get(id)?.start;
        if (start !== undefined) years.add(eventYear(start));
        const record = reader.get(id);
        if (record !== undefined) years.add(eventYear(record.date.start));
        const segments = record === undefined ? keys.delete(id) : keys.set(record);
        for (const segment of segments) touched.add(segment);
      }
    });
    fragments.forget(ids);
    // Read again when next needed (a server that writes no output never reads them).
    if (versions !== undefined) for (const id of ids) stale.add(id);
    const before = { coverageNote, newest: newest.getTime(), scopeList };
    summarize();
    const at = change.changedAt === '' ? new Date() : new Date(change.changedAt);
    // The subscription documents say what the data covers, and empty feeds are dated by the
    // newest record: when either moves, every subscription document changes.
    const coverageMoved =
      before.coverageNote !== coverageNote || before.newest !== newest.getTime();
    const dependencies = [...touched].map((segment) => `scope:${segment}`);
    dependencies.push(CALENDAR);
    for (const year of years) dependencies.push(calendarYearKey(year));
    if (coverageMoved) dependencies.push(COVERAGE);
    if (before.scopeList !== scopeList) dependencies.push(OPML);
    ledger.changed({ keys: dependencies, at });
    // The calendar one subscribes to tells how many records there are; a year's, its events.
    calendarDigests.delete(calendarPath);
    for (const year of years) calendarDigests.delete(calendarYearPath({ year }));
    for (const segment of touched) dropPages(segment);
    forgetLayouts();
    if (coverageMoved) for (const segment of [...pagesBySegment.keys()]) dropPages(segment);
    const dropped: string[] = [];
    const changed = new Set(ids);
    for (const [path, entry] of kept.entries()) {
      let drop: boolean;
      if (entry.year !== undefined) {
        drop = years.has(entry.year);
      } else if (entry.segment === undefined) {
        // The calendar one subscribes to says how many records there are, and what they cover.
        drop = path === calendarPath || before.scopeList !== scopeList;
      } else if (!touched.has(entry.segment) && !(coverageMoved && entry.current)) {
        drop = false;
      } else {
        // A scope that gained, lost or changed a record: only the pages whose list of records,
        // date, links or description moved, or that list a changed record, are rendered again
        // (an edit touches its archive and the current page; an addition the newest archive).
        const found = pagesOf(entry.segment).get(path);
        drop =
          found === undefined ||
          pageSignature(found.page) !== entry.signature ||
          (entry.ids ?? []).some((id) => changed.has(id));
      }
      if (drop) {
        kept.delete(path);
        dropped.push(path);
      }
    }
    applied = change.dataVersion;
    for (const listener of listeners) listener({ dataVersion: applied, ids, dropped });
  };

  let closed = false;
  const unsubscribe = store.onChange((change) => {
    if (loading) queued.push(change);
    else apply(change);
  });

  // Page URLs are the origin and a slug path (absoluteUrl): cut, not parsed (~1,000 per scope).
  const origin = new URL(siteUrl).origin;
  const pathOf = (url: string) =>
    url.startsWith(`${origin}/`) ? url.slice(origin.length) : new URL(url).pathname;
  const pagesOf = (segment: string): ScopeDocuments => {
    let documents = pagesBySegment.get(segment);
    const scope = keys.scope(segment);
    // Only scopes with a feed are kept: any path asked for must not grow this map.
    if (scope === undefined) return NO_DOCUMENTS;
    if (documents === undefined) {
      const previous = replacedPages.get(segment);
      replacedPages.delete(segment);
      const pages = new ScopePages({
        ...(previous === undefined ? {} : { previous }),
        scope,
        items: keys.items(segment),
        byCreation: keys.itemsByCreation(segment),
        siteUrl,
        pageSize,
        ...(hubUrl === undefined ? {} : { hubUrl }),
        emptyUpdated: newest,
        coverageNote,
      });
      // Paths alone, for every page: cheap, where making every page was not (a sort each).
      const byPath = new Map<string, { index: number; format: FeedFormat }>();
      for (let index = 0; index < pages.count; index += 1) {
        const self = pages.self(index);
        for (const format of FEED_FORMATS) byPath.set(pathOf(self[format]), { index, format });
      }
      documents = {
        get: (path) => {
          const found = byPath.get(path);
          return found === undefined
            ? undefined
            : { page: pages.page(found.index), format: found.format };
        },
        keys: () => byPath.keys(),
        pages,
      };
      pagesBySegment.set(segment, documents);
    }
    return documents;
  };

  // A store that has committed a change this object has not applied yet (its listener runs
  // right after): what is rendered meanwhile is served but not kept.
  const inStep = () => store.dataVersion === applied;

  // The content hash of each record (for signatures), read once per data version: the first 80
  // bits of its file's SHA-256, enough to tell one version of a record from another.
  let versions: { dataVersion: number; hashes: Map<string, string> } | undefined;
  // Records changed since `versions` was read: only theirs are read again.
  let stale = new Set<string>();
  const hashesNow = (): Map<string, string> | undefined => {
    if (versions?.dataVersion !== applied) {
      const ids = versions === undefined ? undefined : [...stale];
      const read = recordHashes(store, ids === undefined ? {} : { ids });
      // Read from another snapshot than the keys: only one of the same data version will do.
      if (read.dataVersion !== applied) return undefined;
      const hashes = versions?.hashes ?? new Map<string, string>();
      for (const id of ids ?? []) hashes.delete(id);
      for (const [id, full] of read.hashes) hashes.set(id, full.slice(0, 20));
      versions = { dataVersion: read.dataVersion, hashes };
      stale = new Set();
    }
    return versions.hashes;
  };
  const hashesOf = (ids: readonly string[], hashes: Map<string, string>) => {
    const out: string[] = [];
    for (const id of ids) {
      const hash = hashes.get(id);
      if (hash === undefined) return undefined;
      out.push(hash);
    }
    return out;
  };
  /** A hash of the texts given, or undefined if any record's hash is unknown. */
  const digest = (texts: readonly (string | undefined)[]): string | undefined =>
    texts.includes(undefined)
      ? undefined
      : // A separator no text holds: ["ab", "c"] and ["a", "bc"] differ.
        createHash('sha1').update(texts.join('\0')).digest('base64url');
  // A page is shared by its three formats and kept until its scope changes, and a change of any
  // record it lists changes its scope (apply): digested once per page object.
  const pageDigests = new WeakMap<FeedPage, string | undefined>();
  const pageDigest = (page: FeedPage, hashes: Map<string, string>) => {
    if (!pageDigests.has(page)) {
      const texts: (string | undefined)[] = [pageSignature(page)];
      for (const item of page.items) texts.push(hashes.get(item.recordId));
      pageDigests.set(page, digest(texts));
    }
    return pageDigests.get(page);
  };

  // A calendar's records and its frame, which say all its bytes are made of besides the events.
  // Kept until a change touches the calendar (apply): a build daemon asks for every calendar's
  // at each build, 20 ms at 10,000 records when digested anew (calendarDigests, above).
  const calendarDigest = (path: string, hashes: Map<string, string>) => {
    const known = calendarDigests.get(path);
    if (known !== undefined) return known;
    const found = calendarOf(path);
    if (found === undefined) return undefined;
    const texts: (string | undefined)[] = [path, found.frame().head];
    for (const { key } of found.entries) {
      const hash = hashes.get(key.recordId);
      texts.push(hash === undefined ? undefined : `${key.recordId} ${hash}`);
    }
    const made = digest(texts);
    if (made !== undefined) calendarDigests.set(path, made);
    return made;
  };

  const signature = (path: string): string | undefined => {
    const hashes = hashesNow();
    if (hashes === undefined) return undefined;
    // A kept document is dropped when its page or a record it shows changes (apply).
    const known = kept.get(path)?.digest;
    if (known !== undefined) return known;
    if (path === opmlPath || path === opmlRssPath) return digest([path, scopeList]);
    if (isCalendarPath(path)) return calendarDigest(path, hashes);
    const match = FEED_PATH.exec(path);
    if (match === null) return undefined;
    const found = pagesOf(match[1] ?? match[2]!).get(path);
    if (found === undefined) return undefined;
    const page = pageDigest(found.page, hashes);
    if (page === undefined) return undefined;
    const entry = kept.get(path);
    if (entry !== undefined) entry.digest = `${found.format}.${page}`;
    return `${found.format}.${page}`;
  };

  // The three formats of a page are laid out one after another: its records and signature (and
  // where its records are among those a build renders) are worked out once for them.
  let lastPage: { warming?: WarmedItems; layout: Omit<FeedLayout, 'frame'> } | undefined;
  const layOut = (
    { page, format }: { page: FeedPage; format: FeedFormat },
    warming?: WarmedItems,
  ): FeedLayout => {
    if (lastPage?.layout.page !== page || lastPage.warming !== warming) {
      const ids = page.items.map((item) => item.recordId);
      const layout = {
        page,
        ids,
        signature: pageSignature(page),
        ...(warming === undefined ? {} : { positions: warming.positionsOf(ids) }),
      };
      lastPage = { ...(warming === undefined ? {} : { warming }), layout };
    }
    const frame = encodeFrame(frameOf[format]({ page, coverageNote }));
    // The document's ETag is made from its parts' digests.
    digestOf(frame.head);
    digestOf(frame.tail);
    return { ...lastPage.layout, frame };
  };

  // Feed documents laid out before their items are rendered (a full build's, see warm), by path:
  // each taken by its document, if its page is still the one laid out. With them, the items the
  // build rendered, by position. Both are dropped by an edit, and at the end of the batch.
  const laidOut = new Map<string, FeedLayout>();
  let warmed: WarmedItems | undefined;
  const layOutEveryFeed = (warming: WarmedItems) => {
    for (const scope of keys.scopes()) {
      const documents = pagesOf(scopeSegment({ scope }));
      for (const path of documents.keys()) {
        if (!kept.has(path)) laidOut.set(path, layOut(documents.get(path)!, warming));
      }
    }
  };
  const forgetLayouts = () => {
    laidOut.clear();
    warmed = undefined;
  };

  const renderFeed = (path: string): Kept | undefined => {
    const match = FEED_PATH.exec(path);
    if (match === null) return undefined;
    const segment = match[1] ?? match[2]!;
    const found = pagesOf(segment).get(path);
    if (found === undefined) return undefined;
    const { page, format } = found;
    const keep = inStep();
    const ahead = laidOut.get(path);
    if (ahead !== undefined) laidOut.delete(path);
    const { frame, ids, signature, positions } = ahead?.page === page ? ahead : layOut(found);
    // Laid out during a full build: its items, and their digests, by position.
    const taken = keep && positions !== undefined ? warmed?.take(positions, format) : undefined;
    const parts = frameParts({
      frame,
      itemFragments: taken?.fragments ?? fragments.get({ ids, kind: format, keep }),
    });
    const etag = strongEtag(
      parts,
      taken === undefined ? undefined : frameDigests({ frame, itemDigests: taken.digests }),
    );
    const current = page.archivePage === undefined;
    const file = {
      path,
      contentType: CONTENT_TYPES[format],
      etag,
      lastModified: ledger.dateOf({
        path,
        etag,
        keys: current ? [`scope:${segment}`, COVERAGE] : [`scope:${segment}`],
        newest: page.updated,
      }),
    };
    return {
      // Subscription documents are read all the time: kept whole. Archives, many and rarely
      // read, are joined from the shared item fragments each time.
      file: current
        ? makeFeedFile({ ...file, parts })
        : makeRenderedFeedFile({ ...file, parts: () => parts }),
      segment,
      current,
      signature,
      ids,
      ...(segment === 'all'
        ? layoutFor({ ids, parts, separated: frame.separator.byteLength > 0 })
        : {}),
    };
  };

  // Every record is in a document of the all-briefings feed (an archive, or the current page
  // while there are none) and in its year's calendar: their layouts locate every item.
  const layoutFor = ({
    ids,
    parts,
    separated,
  }: {
    ids: readonly string[];
    parts: readonly Uint8Array[];
    separated: boolean;
  }): { layout: () => string | undefined } => {
    const renderedAt = applied;
    let text: string | undefined;
    return {
      layout: () => {
        // Only servers that write no output never ask; the records' hashes must be those the
        // document was rendered from.
        const hashes = renderedAt === applied ? hashesNow() : undefined;
        const records = hashes === undefined ? undefined : hashesOf(ids, hashes);
        const layout =
          records === undefined ? undefined : layoutOf({ ids, hashes: records, parts, separated });
        text ??= layout === undefined ? undefined : encodeItemLayout(layout);
        return text;
      },
    };
  };

  /**
   * The records of the calendar at a path (the one to subscribe to, or a year's) in event order,
   * its frame, and the newest record update it shows; undefined if there is no such calendar.
   */
  const calendarOf = (path: string) => {
    if (path === calendarPath) {
      return {
        entries: keys.mostRecent(calendarSize),
        frame: () =>
          calendarFrame({
            calendarUrl: absoluteUrl({ siteUrl, path }),
            description: currentCalendarDescription({
              siteUrl,
              total: keys.size,
              size: calendarSize,
              years: keys.years(),
              coverageNote,
            }),
          }),
        dependsOn: [CALENDAR, COVERAGE],
        newest: () => newest,
      };
    }
    const year = calendarYearOf(path);
    const entries = year === undefined ? [] : keys.byStartIn(year);
    if (year === undefined || entries.length === 0) return undefined;
    return {
      year,
      entries,
      frame: () => calendarFrame(yearCalendarText({ siteUrl, year })),
      dependsOn: [calendarYearKey(year)],
      newest: () => {
        let time = 0;
        for (const { key } of entries) time = Math.max(time, key.updated.getTime());
        return new Date(time);
      },
    };
  };

  const renderCalendar = (path: string): Kept | undefined => {
    const found = calendarOf(path);
    if (found === undefined) return undefined;
    const frame = found.frame();
    const ids = found.entries.map((entry) => entry.key.recordId);
    const parts = frameParts({
      frame,
      itemFragments: fragments.get({ ids, kind: 'ics', keep: inStep() }),
    });
    const etag = strongEtag(parts);
    const file = makeFeedFile({
      path,
      contentType: CONTENT_TYPES.ics,
      parts,
      etag,
      lastModified: ledger.dateOf({ path, etag, keys: found.dependsOn, newest: found.newest() }),
    });
    return found.year === undefined
      ? { file, current: true }
      : {
          file,
          current: false,
          year: found.year,
          ids,
          ...layoutFor({ ids, parts, separated: false }),
        };
  };

  const renderOpmlFile = (path: string, format: 'rss' | 'atom'): Kept => {
    const feeds = keys.scopes().map((scope) => ({ scope, links: feedLinks({ scope }) }));
    const body = Buffer.from(renderOpml({ feeds, siteUrl, format }), 'utf8');
    return {
      file: dated({ path, contentType: CONTENT_TYPES.opml, parts: [body] }),
      current: true,
    };
  };

  const dated = ({
    path,
    contentType,
    parts,
  }: {
    path: string;
    contentType: string;
    parts: readonly Uint8Array[];
  }) => {
    const etag = strongEtag(parts);
    return makeFeedFile({
      path,
      contentType,
      parts,
      etag,
      lastModified: ledger.dateOf({ path, etag, keys: [OPML], newest }),
    });
  };

  // Items of an earlier output (reuseItems), while its documents are not rendered again.
  let reused: ReusableItems | undefined;

  const file = (path: string): FeedFile | undefined => {
    const found = kept.get(path);
    if (found !== undefined) return found.file;
    const rendered = isCalendarPath(path)
      ? renderCalendar(path)
      : path === opmlPath
        ? renderOpmlFile(path, 'atom')
        : path === opmlRssPath
          ? renderOpmlFile(path, 'rss')
          : renderFeed(path);
    if (rendered === undefined) return undefined;
    // Its file in the output will be this one, which may place items elsewhere: the items it
    // took from its earlier file are kept with the others rendered.
    reused?.forget(path);
    if (inStep()) kept.set(path, rendered);
    return rendered.file;
  };

  // The code and options every document depends on: made when first asked for (a server that
  // writes no output never reads its code files).
  let fingerprint: string | undefined;
  const fingerprintNow = () =>
    (fingerprint ??= createHash('sha1')
      .update(JSON.stringify([codeFingerprint(), siteUrl, pageSize, calendarSize, hubUrl ?? null]))
      .digest('base64url'));

  // The ordering keys of every record whose content hash is the one an earlier process's
  // snapshot has, from it; the other records' from the store. False if there is no snapshot to
  // trust (another build's, or hashes of another data version than the one applied).
  const loadFromSnapshot = (): boolean => {
    const text = previousKeys?.();
    if (text === undefined) return false;
    const snapshot = decodeKeysSnapshot({ text, build: fingerprintNow() });
    if (snapshot === undefined) return false;
    const read = recordHashes(store);
    if (read.dataVersion !== applied) return false;
    const hashes = new Map<string, string>();
    for (const [id, full] of read.hashes) hashes.set(id, full.slice(0, 20));
    const unchanged: KeySource[] = [];
    for (const [id, { source, hash }] of snapshot.records) {
      if (hashes.get(id) === hash) unchanged.push(source);
    }
    const changed: string[] = [];
    for (const [id, hash] of hashes) {
      if (snapshot.records.get(id)?.hash !== hash) changed.push(id);
    }
    // In the snapshot's orders: every scope's lists are made sorted but for the changed records.
    keys.load(unchanged, { byCreation: snapshot.byCreation });
    // Read at the store's version now: a change committed since is queued and applied below.
    store.read((reader) => {
      for (const id of changed) {
        const record = reader.get(id);
        if (record !== undefined) keys.set(record);
      }
    });
    // The signatures' hashes are these: not read again.
    versions = { dataVersion: read.dataVersion, hashes };
    return true;
  };

  if (!loadFromSnapshot()) {
    // The ordering keys of every record, from the store's own snapshot, a slice at a time.
    let sliceStart = performance.now();
    for (const record of store.iterate()) {
      keys.set(record);
      if (performance.now() - sliceStart > 8) {
        await new Promise((done) => setImmediate(done));
        sliceStart = performance.now();
      }
    }
  }
  summarize();
  loading = false;
  // Changes committed while loading: their records are read again, whichever snapshot had them.
  for (const change of queued.splice(0)) apply(change);

  // Calendars' events, rendered a slice at a time: in the background for the calendar one
  // subscribes to (prepareCalendar), at once for a calendar someone waits for (whenReady).
  const eventsMissing = (path: string): string[] =>
    fragments.missing({
      ids: (calendarOf(path)?.entries ?? []).map((entry) => entry.key.recordId),
      kind: 'ics',
    });
  const renderEvents = async (ids: readonly string[], { urgent }: { urgent: boolean }) => {
    // Ten records at a time (a millisecond or two), then a rest of a few while nobody waits for
    // them: requests come first. Once someone waits, one turn of the event loop between slices
    // (other requests are still answered in between). Stopped when the feeds close: the store
    // may close right after.
    for (let start = 0; start < ids.length && !closed; start += 10) {
      fragments.get({ ids: ids.slice(start, start + 10), kind: 'ics', keep: inStep() });
      await new Promise((done) => (urgent ? setImmediate(done) : setTimeout(done, 4)));
    }
  };
  let preparing: Promise<void> | undefined;
  const prepareCalendar = (): Promise<void> =>
    (preparing ??= renderEvents(eventsMissing(calendarPath), { urgent: false }));

  // Per calendar: the wait under way, and the data version it was last joined for (kept or not).
  const readying = new Map<string, Promise<void>>();
  const joinedAt = new Map<string, number>();
  /** Whether a request for a calendar now would be answered without long work. */
  const calendarReady = (path: string): boolean =>
    (kept.has(path) || eventsMissing(path).length === 0) &&
    (kept.get(path)?.file.joined === true || joinedAt.get(path) === applied);
  // A calendar is made again after each edit that touches it (~1 MB for the calendar one
  // subscribes to): it is rendered, then its body joined a slice at a time
  // (FeedFile.joinInSlices) before it is answered, instead of joined at once when first sent or
  // compressed.
  const joinCalendar = async (path: string): Promise<void> => {
    // A change the store committed and these feeds have not applied yet: what is rendered
    // meanwhile is not kept. Wait for it a little (it is applied within milliseconds).
    for (let tries = 0; !inStep() && tries < 25 && !closed; tries++) {
      await new Promise((done) => setTimeout(done, 2));
    }
    const version = applied;
    const file = live.file(path);
    if (file !== undefined && kept.get(path)?.file === file) await file.joinInSlices?.();
    // Not kept: the request renders it itself, at once.
    joinedAt.set(path, version);
  };

  const keysEncoder = new KeysSnapshotEncoder();
  let keysText: { dataVersion: number; text: string } | undefined;
  const live: LiveFeeds = {
    siteUrl,
    ...(hubUrl === undefined ? {} : { hubUrl }),
    files: { get: file },
    file,
    signature,
    itemLayout: (path) => kept.get(path)?.layout?.(),
    keysSnapshot: () => {
      // Asked for after each build and again after the standby is brought up to date (the
      // build daemon): the same text while no change is applied.
      if (keysText?.dataVersion === applied) return keysText.text;
      const hashes = hashesNow();
      if (hashes === undefined) return undefined;
      const records: { id: string; hash: string; source: () => KeySource | undefined }[] = [];
      // In both orders of the all-briefings feed, which lists every record (see RecordKeys.load).
      const all = keys.items('all');
      if (all.length !== keys.size) return undefined;
      for (const { recordId: id } of all) {
        const hash = hashes.get(id);
        if (hash === undefined) return undefined;
        records.push({ id, hash, source: () => keys.source(id) });
      }
      const text = keysEncoder.encode({
        build: fingerprintNow(),
        records,
        byCreation: keys.itemsByCreation('all').map((key) => key.recordId),
      });
      if (text !== undefined) keysText = { dataVersion: applied, text };
      return text;
    },
    reuseItems: (options) => {
      if (options === undefined) {
        reused = undefined;
        fragments.reuseFrom(undefined);
        return;
      }
      const layouts: [string, ItemLayout][] = [];
      for (const [path, text] of options.layouts) {
        const layout = parseItemLayout(text);
        if (layout !== undefined) layouts.push([path, layout]);
      }
      const reusable = new ReusableItems({
        layouts,
        read: options.read,
        ...(options.readRange === undefined ? {} : { readRange: options.readRange }),
      });
      reused = reusable;
      fragments.reuseFrom((id, kind) => {
        const hash = hashesNow()?.get(id);
        return hash === undefined ? undefined : reusable.take({ id, kind, hash });
      });
    },
    get fingerprint() {
      return fingerprintNow();
    },
    respond: ({ method, path, header }) =>
      respondToFeedRequest({ feeds: live, method, path, header }),
    handle: (request) => {
      const response = live.respond({
        method: request.method,
        path: new URL(request.url).pathname,
        header: (name) => request.headers.get(name),
      });
      return response === undefined ? undefined : toWebResponse(response);
    },
    paths: () => {
      const paths: string[] = [];
      for (const scope of keys.scopes()) paths.push(...pagesOf(scopeSegment({ scope })).keys());
      paths.push(calendarPath);
      for (const year of keys.years()) paths.push(calendarYearPath({ year }));
      paths.push(opmlPath, opmlRssPath);
      return paths;
    },
    shrink: ({ maxItemBytes = DEFAULT_ITEM_CACHE_BYTES } = {}) => {
      fragments.limit(maxItemBytes);
      for (const [path] of kept.entries()) kept.delete(path);
    },
    warm: () => {
      const ids = [...keys.ids()];
      const warming = new WarmedItems(ids);
      // While the worker renders its share of the items, this thread lays out the documents.
      fragments.warm(ids, { meanwhile: () => layOutEveryFeed(warming), into: warming });
      warmed = warming;
    },
    batch: (work) =>
      store.read(() => {
        try {
          return work();
        } finally {
          forgetLayouts();
        }
      }),
    prepareCalendar,
    whenReady: (path) => {
      // (No calendar at this path: nothing to wait for.)
      if (calendarOf(path) === undefined || calendarReady(path)) {
        return undefined;
      }
      let waiting = readying.get(path);
      if (waiting === undefined) {
        waiting = (async () => {
          // Its events, then its body; again if an edit came meanwhile, up to a few times (a
          // request after that renders what is left at once).
          for (let round = 0; round < 4 && !calendarReady(path) && !closed; round++) {
            const missing = kept.has(path) ? [] : eventsMissing(path);
            if (missing.length > 0) await renderEvents(missing, { urgent: true });
            else await joinCalendar(path);
          }
        })().finally(() => readying.delete(path));
        readying.set(path, waiting);
      }
      return waiting;
    },
    onUpdate: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get dataVersion() {
      return applied;
    },
    close: () => {
      closed = true;
      unsubscribe();
      listeners.clear();
    },
  };
  return live;
}
