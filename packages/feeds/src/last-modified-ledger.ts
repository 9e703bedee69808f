/**
 * Last-Modified of documents rendered on demand. A document's date is the newest record update
 * it shows (a day), or, if later, when the store last committed a change that touched it: the
 * store's `changedAt` of that change, or for a document untouched since this process started,
 * the store's `changedAt` when it started (kept in the index, so the same after a restart when
 * nothing changed). A re-rendered document whose bytes did not change keeps its date; one whose
 * bytes changed is always dated later than before. So a reader polling with If-Modified-Since
 * alone never misses a change (a same-day edit, a deleted record), and a restart alone does not
 * make it fetch everything again.
 */
export class LastModifiedLedger {
  #floor: number;
  readonly #changedAt = new Map<string, number>();
  readonly #served = new Map<string, { etag: string; at: number }>();

  constructor({ since }: { since: Date | undefined }) {
    this.#floor = wholeSeconds(since ?? new Date(0));
  }

  /** Note that a change committed at `at` touched every document depending on `keys`. */
  changed({ keys, at }: { keys: Iterable<string>; at: Date }): void {
    const time = wholeSeconds(at);
    for (const key of keys) this.#changedAt.set(key, time);
  }

  /** The date of a document about to be served. */
  dateOf({
    path,
    etag,
    keys,
    newest,
  }: {
    path: string;
    etag: string;
    /** What it depends on (as given to `changed`). */
    keys: readonly string[];
    /** The newest record update it shows. */
    newest: Date;
  }): Date {
    const before = this.#served.get(path);
    if (before?.etag === etag) return new Date(before.at);
    let at = Math.max(wholeSeconds(newest), this.#floor);
    for (const key of keys) at = Math.max(at, this.#changedAt.get(key) ?? 0);
    if (before !== undefined) at = Math.max(at, before.at + 1000);
    this.#served.set(path, { etag, at });
    return new Date(at);
  }
}

// HTTP dates have whole seconds.
function wholeSeconds(date: Date): number {
  const time = date.getTime();
  return Number.isNaN(time) ? 0 : Math.floor(time / 1000) * 1000;
}
