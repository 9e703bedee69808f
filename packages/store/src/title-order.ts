// The title sort of sortBriefings uses Intl.Collator, which SQLite does not have. So each record
// keeps a rank in the collator's order (table title_ranks): a new title takes the midpoint of
// its neighbours' ranks, and all ranks are renumbered only when a gap is used up. A bulk change
// (a first build) appends, then sorts once.
import { compareTitles } from '@briefing/schema';
import { sortInSlices, type TimeSlicer } from './time-slicer.js';

export interface Titled {
  id: string;
  title: string;
  rank: number;
  removed?: boolean;
}

const SPACING = 1024;

export class TitleOrder {
  /** Every served record in title order (in bulk mode: in no order, with removed entries). */
  #entries: Titled[] = [];
  #byId = new Map<string, Titled>();
  #bulk = false;

  /** Takes entries already in rank order (as read from the index). */
  load(entries: Titled[]): void {
    this.#entries = entries;
    this.#byId = new Map(entries.map((entry) => [entry.id, entry]));
    this.#bulk = false;
  }

  /** From now until `resort`, changes are kept unsorted and cost O(1) each. */
  startBulk(): void {
    this.#bulk = true;
  }

  get bulk(): boolean {
    return this.#bulk;
  }

  remove(id: string): void {
    const entry = this.#byId.get(id);
    if (entry === undefined) return;
    this.#byId.delete(id);
    if (this.#bulk) {
      entry.removed = true;
      return;
    }
    const index = this.#find(entry);
    if (this.#entries[index] === entry) this.#entries.splice(index, 1);
  }

  /**
   * Adds a record and gives its rank: undefined in bulk mode, or when there is no room left
   * between its neighbours (then `renumber`).
   */
  insert({ id, title }: { id: string; title: string }): number | undefined {
    const entry: Titled = { id, title, rank: 0 };
    this.#byId.set(id, entry);
    if (this.#bulk) {
      this.#entries.push(entry);
      return undefined;
    }
    const index = this.#find(entry);
    const before = this.#entries[index - 1]?.rank;
    const after = this.#entries[index]?.rank;
    entry.rank =
      before === undefined
        ? after === undefined
          ? 0
          : after - SPACING
        : after === undefined
          ? before + SPACING
          : before + (after - before) / 2;
    this.#entries.splice(index, 0, entry);
    const roomy =
      Number.isFinite(entry.rank) &&
      (before === undefined || entry.rank > before) &&
      (after === undefined || entry.rank < after);
    return roomy ? entry.rank : undefined;
  }

  /** Every entry in title order. */
  entries(): readonly Titled[] {
    return this.#entries;
  }

  /** Ends bulk mode: sorts every entry in slices; gives the entries whose rank changed. */
  async resort({ slicer }: { slicer: TimeSlicer }): Promise<Titled[]> {
    const live = this.#entries.filter((entry) => entry.removed !== true);
    this.#entries = await sortInSlices({ items: live, compare: compareTitles, slicer });
    this.#bulk = false;
    return this.renumber();
  }

  /** Evenly spaced ranks in the current order; gives the entries whose rank changed. */
  renumber(): Titled[] {
    const changed: Titled[] = [];
    this.#entries.forEach((entry, index) => {
      const rank = index * SPACING;
      if (entry.rank !== rank) {
        entry.rank = rank;
        changed.push(entry);
      }
    });
    return changed;
  }

  #find(entry: Titled): number {
    let low = 0;
    let high = this.#entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareTitles(this.#entries[middle]!, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
