import type { Briefing } from '@briefing/schema';
import type { Store } from '@briefing/store';
import { scopePages, type FeedPage } from './feed-page.js';
import { renderCalendarEvents } from './icalendar.js';
import { FEED_FORMATS, type FeedFormat } from './paths.js';
import { RENDERERS } from './render-document.js';
import { ITEMS_PER_RENDER } from './render-once.js';
import { toFeedItem, type FeedItem } from './to-feed-item.js';
import { FragmentCache } from './fragment-cache.js';

/** What a record is rendered as: its item in each feed format and its calendar event. */
export type FragmentKind = FeedFormat | 'ics';
const KINDS: readonly FragmentKind[] = [...FEED_FORMATS, 'ics'];

/**
 * Each record's rendered item (RSS `<item>`, Atom `<entry>`, JSON item, VEVENT) as UTF-8 bytes,
 * made from the store when first needed and shared by every document that lists the record
 * (those of the feed formats within a budget of bytes, see FragmentCache). The owner calls
 * `forget` with the ids of each store change.
 */
export class ItemFragments {
  readonly #store: Store;
  readonly #siteUrl: string;
  readonly #samplePage: FeedPage;
  readonly #cache: FragmentCache;
  #reuse: ((id: string, kind: FragmentKind) => Buffer | undefined) | undefined;

  constructor({
    store,
    siteUrl,
    maxBytes = Infinity,
  }: {
    store: Store;
    siteUrl: string;
    /** The most bytes of items kept per feed format (calendar events are all kept). */
    maxBytes?: number;
  }) {
    this.#store = store;
    this.#siteUrl = siteUrl;
    this.#cache = new FragmentCache({ maxBytes });
    // Item fragments do not depend on the document they are cut from: any page will do.
    this.#samplePage = scopePages({
      scope: { kind: 'all' },
      items: [],
      siteUrl,
      pageSize: 1,
      emptyUpdated: new Date(0),
    })[0]!;
  }

  /**
   * Where to look for an item before rendering it (an earlier build's output, see
   * ReusableItems): given the record's id and kind, its bytes if they are still its item.
   */
  reuseFrom(reuse: ((id: string, kind: FragmentKind) => Buffer | undefined) | undefined): void {
    this.#reuse = reuse;
  }

  /** Keep no more than `maxBytes` of each feed format's items from now on (see FragmentCache). */
  limit(maxBytes: number): void {
    this.#cache.limit(maxBytes);
  }

  /** Drop what was rendered of these records (they changed or are gone). */
  forget(ids: Iterable<string>): void {
    for (const id of ids) this.#cache.delete(id);
  }

  /**
   * The fragments of these records in one kind, in order; a record the store no longer has is
   * left out (its removal is on its way to the owner). `keep: false` renders without caching,
   * for a store that has moved past the changes the owner has seen.
   */
  get({
    ids,
    kind,
    keep = true,
  }: {
    ids: readonly string[];
    kind: FragmentKind;
    keep?: boolean;
  }): Buffer[] {
    // What this call finds or renders, held here: keeping the new ones may push others of the
    // same call out of a cache with a budget.
    const found = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = this.#cache.get(id, kind);
      if (cached !== undefined) {
        found.set(id, cached);
        continue;
      }
      const reused = this.#reuse?.(id, kind);
      if (reused === undefined) missing.push(id);
      else {
        found.set(id, reused);
        if (keep) this.#cache.set(id, kind, reused);
      }
    }
    if (missing.length > 0) {
      const records = this.#store.read((store) =>
        missing.map((id) => store.get(id)).filter((record) => record !== undefined),
      );
      this.#render({ records, kinds: [kind], keep, into: found });
    }
    const out: Buffer[] = [];
    for (const id of ids) {
      const fragment = found.get(id);
      if (fragment !== undefined) out.push(fragment);
    }
    return out;
  }

  /** Of these records, those not yet rendered in every kind. */
  incomplete(ids: Iterable<string>): string[] {
    const out: string[] = [];
    for (const id of ids) {
      if (KINDS.some((kind) => !this.#cache.has(id, kind))) out.push(id);
    }
    return out;
  }

  /** The ids whose fragment of one kind is not rendered yet. */
  missing({ ids, kind }: { ids: Iterable<string>; kind: FragmentKind }): string[] {
    const out: string[] = [];
    for (const id of ids) if (!this.#cache.has(id, kind)) out.push(id);
    return out;
  }

  /** Render every kind of these records now (a full build), a batch at a time. */
  warm(records: readonly Briefing[]): void {
    const todo = records.filter((record) =>
      KINDS.some((kind) => !this.#cache.has(record.id, kind)),
    );
    this.#render({ records: todo, kinds: KINDS, keep: true });
  }

  #render({
    records,
    kinds,
    keep,
    into,
  }: {
    records: readonly Briefing[];
    kinds: readonly FragmentKind[];
    keep: boolean;
    /** Where to put what is rendered, besides the cache (of one kind). */
    into?: Map<string, Buffer>;
  }): void {
    // A batch at a time: the rendered strings die young instead of aging into the old generation.
    for (let start = 0; start < records.length; start += ITEMS_PER_RENDER) {
      const batch = records.slice(start, start + ITEMS_PER_RENDER);
      // The feed item model only when a feed format is asked for (not for the calendar alone).
      let items: FeedItem[] | undefined;
      for (const kind of kinds) {
        items ??=
          kind === 'ics'
            ? undefined
            : batch.map((record) => toFeedItem({ record, siteUrl: this.#siteUrl }));
        const texts =
          kind === 'ics'
            ? renderCalendarEvents({ records: batch, siteUrl: this.#siteUrl })
            : RENDERERS[kind].items({ items: items!, page: this.#samplePage });
        texts.forEach((text, index) => {
          const id = batch[index]!.id;
          const bytes = Buffer.from(text, 'utf8');
          if (keep) this.#cache.set(id, kind, bytes);
          into?.set(id, bytes);
        });
      }
    }
  }
}
