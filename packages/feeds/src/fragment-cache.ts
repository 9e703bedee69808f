// Where rendered items are kept, by kind and record id. A server keeps the feed formats' items
// within a budget of bytes, least recently used out first: a client walking every archive would
// otherwise make it keep every record's item in every format (at 10,000 records, 64 MB of items
// and frames once every document had been read; ten times as many records, ten times that).
// Calendar events are all kept: the calendar one subscribes to lists every record, and is made
// again from them after each edit. A build, which shares each item among every document that
// lists it, keeps everything.
import { LRUCache } from 'lru-cache';
import type { FragmentKind } from './render-fragments.js';

/**
 * The bytes of rendered items a server keeps per feed format, by default: ~10,000 items, many
 * times what the documents one subscribes to list (50 each).
 */
export const DEFAULT_ITEM_CACHE_BYTES = 16 * 1024 * 1024;

type Kept = Map<string, Buffer> | LRUCache<string, Buffer>;

export class FragmentCache {
  readonly #byKind = new Map<FragmentKind, Kept>();
  #maxBytes: number;

  /** `maxBytes`: for the items of each feed format; Infinity keeps them all. */
  constructor({ maxBytes }: { maxBytes: number }) {
    this.#maxBytes = maxBytes;
  }

  /**
   * Keep no more than `maxBytes` of each feed format's items from now on, the most recently
   * kept first to stay (a build's cache, kept all, becomes a server's).
   */
  limit(maxBytes: number): void {
    if (maxBytes >= this.#maxBytes) return;
    this.#maxBytes = maxBytes;
    // A copy: each kind is put back into the map being gone through.
    for (const [kind, kept] of [...this.#byKind]) {
      if (kind === 'ics') continue;
      this.#byKind.delete(kind);
      const limited = this.#of(kind);
      for (const [id, bytes] of kept.entries()) limited.set(id, bytes);
    }
  }

  #of(kind: FragmentKind): Kept {
    let kept = this.#byKind.get(kind);
    if (kept === undefined) {
      kept =
        kind === 'ics' || this.#maxBytes === Infinity
          ? new Map()
          : new LRUCache<string, Buffer>({
              maxSize: this.#maxBytes,
              sizeCalculation: (bytes) => Math.max(1, bytes.byteLength),
            });
      this.#byKind.set(kind, kept);
    }
    return kept;
  }

  get(id: string, kind: FragmentKind): Buffer | undefined {
    return this.#of(kind).get(id);
  }

  /** The fragments of these records in one kind, in order (undefined where there is none). */
  getAll(ids: readonly string[], kind: FragmentKind): (Buffer | undefined)[] {
    const kept = this.#of(kind);
    return ids.map((id) => kept.get(id));
  }

  has(id: string, kind: FragmentKind): boolean {
    return this.#of(kind).has(id);
  }

  set(id: string, kind: FragmentKind, bytes: Buffer): void {
    this.#of(kind).set(id, bytes);
  }

  /** Drop every kind of a record's items. */
  delete(id: string): void {
    for (const kept of this.#byKind.values()) kept.delete(id);
  }
}
