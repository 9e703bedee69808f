// The documents live feeds keep once rendered, by path. The documents one subscribes to, the
// calendars and the OPML are few and read all the time: all kept until an edit touches them.
// Archives are many (one per 50 records, per scope and format) and rarely read: the most
// recently read are kept, and one pushed out is made again from the items when next asked for.
// Without the bound (and the items' budget, fragment-cache.ts), a client reading half the
// all-briefings archives of 100,000 records in brotli took the dashboard from 685 to 1,048 MiB,
// and it grew with every further archive.
import { LRUCache } from 'lru-cache';

/**
 * Archives kept, by default. Each holds its compressed bytes once asked for: ~20 KB of brotli
 * for 50 records (measured at 10,000 records), about as much again in gzip.
 */
export const DEFAULT_KEPT_ARCHIVES = 1000;

export class KeptDocuments<T extends object> {
  readonly #always = new Map<string, T>();
  readonly #archives: LRUCache<string, T>;
  readonly #isArchive: (entry: T) => boolean;

  constructor({
    isArchive,
    maxArchives = DEFAULT_KEPT_ARCHIVES,
  }: {
    isArchive: (entry: T) => boolean;
    maxArchives?: number;
  }) {
    this.#isArchive = isArchive;
    this.#archives = new LRUCache<string, T>({ max: maxArchives });
  }

  get(path: string): T | undefined {
    return this.#always.get(path) ?? this.#archives.get(path);
  }

  has(path: string): boolean {
    return this.#always.has(path) || this.#archives.has(path);
  }

  set(path: string, entry: T): void {
    if (this.#isArchive(entry)) {
      this.#always.delete(path);
      this.#archives.set(path, entry);
    } else {
      this.#archives.delete(path);
      this.#always.set(path, entry);
    }
  }

  delete(path: string): void {
    this.#always.delete(path);
    this.#archives.delete(path);
  }

  /** Every kept document, as a list (safe to delete from while going through it). */
  entries(): [string, T][] {
    return [...this.#always.entries(), ...this.#archives.entries()];
  }
}
