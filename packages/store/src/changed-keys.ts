/**
 * Whether one update changed some part of the records that a kept answer depends on (their
 * names, their months and themes…), told apart from the update's other changes. An edit deletes
 * a record's rows and inserts them again: it changes that part only if the record's key for it
 * (a string) differs from the one it had in the index. A record added or removed changes it if
 * its key is not empty.
 */
export class ChangedKeys {
  #changed = false;
  /** The keys that the records deleted by this update had in the index, by id. */
  readonly #deleted = new Map<string, string>();

  /** `keyInIndex` reads a record's key from the index, before its rows are deleted. */
  constructor(readonly keyInIndex: (id: string) => string) {}

  /** Before a record's rows are deleted. */
  deleting(id: string): void {
    if (!this.#changed) this.#deleted.set(id, this.keyInIndex(id));
  }

  /** When a record's rows are inserted, with its key. */
  inserting(id: string, key: string): void {
    if (!this.#changed && key !== (this.#deleted.get(id) ?? '')) this.#changed = true;
    this.#deleted.delete(id);
  }

  /** Something else the answers depend on changed. */
  change(): void {
    this.#changed = true;
  }

  /** Whether the update since the last call changed the part; starts the next update. */
  take(): boolean {
    const changed = this.#changed || [...this.#deleted.values()].some((key) => key !== '');
    this.#changed = false;
    this.#deleted.clear();
    return changed;
  }
}
