import type { Store } from '@briefing/store';
import { FragmentCache } from './fragment-cache.js';
import type { FeedPage } from './feed-page.js';
import {
  FRAGMENT_KINDS,
  renderFragments,
  samplePage,
  type FragmentKind,
  type Fragments,
} from './render-fragments.js';
import { renderOnTwoThreads } from './render-on-two-threads.js';
import type { WarmedItems } from './warmed-items.js';

/**
 * Each record's rendered item (RSS `<item>`, Atom `<entry>`, JSON item, VEVENT) as UTF-8 bytes,
 * made from the store when first needed and shared by every document that lists the record
 * (those of the feed formats within a budget of bytes, see FragmentCache). The owner calls
 * `forget` with the ids of each store change.
 */
export class ItemFragments {
  readonly #store: Store;
  readonly #siteUrl: string;
  // Made once: a cache miss renders a few records at a time, often.
  readonly #page: FeedPage;
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
    this.#page = samplePage(siteUrl);
    this.#cache = new FragmentCache({ maxBytes });
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
    // Every one rendered already (each document of a full build, after warm): taken as they are.
    const cached = this.#cache.getAll(ids, kind);
    if (!cached.includes(undefined)) return cached as Buffer[];
    // What this call finds or renders, held here: keeping the new ones may push others of the
    // same call out of a cache with a budget.
    const found = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const [index, id] of ids.entries()) {
      const hit = cached[index];
      if (hit !== undefined) {
        found.set(id, hit);
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
      const fragments = renderFragments({
        records,
        siteUrl: this.#siteUrl,
        kinds: [kind],
        page: this.#page,
      });
      this.#keep({ ids: records.map((record) => record.id), fragments, keep, into: found });
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
      if (FRAGMENT_KINDS.some((kind) => !this.#cache.has(id, kind))) out.push(id);
    }
    return out;
  }

  /** The ids whose fragment of one kind is not rendered yet. */
  missing({ ids, kind }: { ids: Iterable<string>; kind: FragmentKind }): string[] {
    const out: string[] = [];
    for (const id of ids) if (!this.#cache.has(id, kind)) out.push(id);
    return out;
  }

  /**
   * Render every kind of these records now, from the store, on two threads (a full build); a
   * record the store does not have is left out. `meanwhile`: other work for this thread, done
   * while the worker renders (see renderOnTwoThreads); `into`: where to put what is rendered by
   * position as well (records rendered before are not put there).
   */
  warm(
    ids: readonly string[],
    { meanwhile, into }: { meanwhile?: () => void; into?: WarmedItems } = {},
  ): void {
    const rendered = renderOnTwoThreads({
      ids: this.incomplete(ids),
      store: this.#store,
      siteUrl: this.#siteUrl,
      page: this.#page,
      ...(meanwhile === undefined ? {} : { meanwhile }),
    });
    this.#keep({ ...rendered, keep: true });
    into?.put(rendered);
  }

  /** Puts what was rendered in the cache (`keep`) and in `into` (of one kind). */
  #keep({
    ids,
    fragments,
    keep,
    into,
  }: {
    /** The records rendered, in the fragments' order. */
    ids: readonly string[];
    fragments: Fragments;
    keep: boolean;
    into?: Map<string, Buffer>;
  }): void {
    for (const [kind, list] of fragments) {
      list.forEach((bytes, index) => {
        const id = ids[index]!;
        if (keep) this.#cache.set(id, kind, bytes);
        into?.set(id, bytes);
      });
    }
  }
}
