import {
  changedCoverage,
  dataCoverage,
  type Briefing,
  type Coverage,
  type CoverageInput,
} from '@briefing/schema';
import { compareEvents, eventYear, mostRecentEvents } from './icalendar.js';
import { feedScopes, scopeSegment, scopesOf, type FeedScope } from './paths.js';
import {
  compareCreation,
  compareItems,
  dateAtUtcMidnight,
  type FeedItemKey,
} from './to-feed-item.js';

/** What the live feeds keep of each record: how it orders, where it belongs, what it covers. */
export interface RecordKey {
  key: FeedItemKey;
  /** The scope segments ("all", "themes/space", …) whose feeds list it. */
  segments: string[];
  /** For the calendar's order. */
  start: string;
  /** What dataCoverage reads of a record. */
  coverage: CoverageInput;
  /** The record's creation date (with the segments, the rest of what it was made from). */
  created: string;
}

/** What a record's key is made of: all RecordKeys reads of a record. */
export interface KeySource {
  id: string;
  created: string;
  updated: string;
  date: Briefing['date'];
  scopes: FeedScope[];
}

/** What RecordKeys reads of a record. */
export function keySourceOf(record: Briefing): KeySource {
  return {
    id: record.id,
    created: record.revision.created,
    updated: record.revision.updated,
    date: record.date,
    scopes: scopesOf(record),
  };
}

/**
 * The ordering keys and scopes of every record, kept in memory (a few hundred bytes a record)
 * so that an edit tells which feeds it touches without asking the store about every feed; the
 * records' texts stay in the store.
 */
export class RecordKeys {
  readonly #entries = new Map<string, RecordKey>();
  readonly #bySegment = new Map<string, Set<string>>();
  readonly #scopes = new Map<string, FeedScope>();
  /**
   * Each scope's items in the two orders its pages need, kept across edits: an edit takes its
   * record out and puts the new key in its place (a binary search). Sorting 10,000 keys anew for
   * every edit held the event loop for tens of milliseconds; even sorting a list in order but
   * for one item compares every pair of neighbours (50 ms at 100,000 records).
   */
  readonly #orders = {
    updated: new SortedKeys(compareItems),
    created: new SortedKeys(compareCreation),
  };
  #coverage: { value: Coverage | undefined } | undefined;
  /** Each year's records (the year each event starts): the calendars. */
  readonly #byYear = new Map<string, Set<string>>();
  /**
   * A year's records in event order, made when first asked for and dropped when the year gains
   * or loses a record: an edit sorts one year again, not every record (100,000 at a time).
   */
  readonly #yearOrder = new Map<string, RecordKey[]>();

  constructor() {
    // Every theme and type has a feed even with no records (subscribers' URLs stay stable).
    for (const scope of fixedScopes()) this.#scopes.set(scopeSegment({ scope }), scope);
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * What the key of a record was made from (for a snapshot). Made again from the entry: kept
   * with each of 100,000 records, its scopes took a tenth of a dashboard's memory.
   */
  source(id: string): KeySource | undefined {
    const entry = this.#entries.get(id);
    if (entry === undefined) return undefined;
    return {
      id,
      created: entry.created,
      updated: entry.coverage.revision.updated,
      date: entry.coverage.date,
      // A segment names one scope, and a record's segments stay in #scopes while it is here.
      scopes: entry.segments.map((segment) => this.#scopes.get(segment)!),
    };
  }

  get(id: string): RecordKey | undefined {
    return this.#entries.get(id);
  }

  ids(): IterableIterator<string> {
    return this.#entries.keys();
  }

  /** Add or replace a record; returns the segments it was in before and is in now. */
  set(record: Briefing): Set<string> {
    return this.setSource(keySourceOf(record));
  }

  /**
   * Add many records at once, the same as setSource for each but several times faster (10,000
   * records at a new process's start): equal dates and scopes are made once and shared.
   */
  load(
    sources: readonly KeySource[],
    {
      byCreation,
    }: {
      /**
       * The ids in compareCreation order, when `sources` are in compareItems order (a snapshot's
       * orders): into an empty RecordKeys, every scope's two lists are then made in order, and
       * sorting them is linear.
       */
      byCreation?: Iterable<string>;
    } = {},
  ): void {
    // Into an empty RecordKeys there are no sorted lists to keep up to date yet.
    const fresh = this.#entries.size === 0;
    const ordered = byCreation !== undefined && fresh;
    const dates = new Map<string, Date>();
    const dateOf = (text: string) => {
      let date = dates.get(text);
      if (date === undefined) {
        date = dateAtUtcMidnight(text);
        dates.set(text, date);
      }
      return date;
    };
    const segmentOf = new Map<FeedScope, string>();
    for (const source of sources) {
      const { id, created, updated, date, scopes } = source;
      if (this.#entries.has(id)) {
        this.setSource(source);
        continue;
      }
      const segments: string[] = [];
      for (const scope of scopes) {
        let segment = segmentOf.get(scope);
        if (segment === undefined) {
          segment = scopeSegment({ scope });
          segmentOf.set(scope, segment);
        }
        segments.push(segment);
        this.#join({ segment, scope, id });
      }
      const entry: RecordKey = {
        key: {
          recordId: id,
          published: dateOf(created),
          updated: dateOf(updated),
          eventStart: date.start,
        },
        segments,
        start: date.start,
        coverage: { date, revision: { updated } },
        created,
      };
      this.#entries.set(id, entry);
      this.#enterYear(id, date.start);
      // Sorted lists already made (not at a start) take the new key too.
      if (!fresh) {
        for (const segment of segments) {
          this.#orders.updated.add(segment, entry.key);
          this.#orders.created.add(segment, entry.key);
        }
      }
    }
    if (ordered) {
      this.#orders.updated.seed(this.#listsIn(sources.map((source) => source.id)));
      this.#orders.created.seed(this.#listsIn(byCreation));
    }
    this.#changed();
  }

  /** Each segment's keys, in the order of the ids given (unknown ids left out). */
  #listsIn(ids: Iterable<string>): Map<string, FeedItemKey[]> {
    const lists = new Map<string, FeedItemKey[]>();
    for (const id of ids) {
      const entry = this.#entries.get(id);
      if (entry === undefined) continue;
      for (const segment of entry.segments) {
        let list = lists.get(segment);
        if (list === undefined) {
          list = [];
          lists.set(segment, list);
        }
        list.push(entry.key);
      }
    }
    return lists;
  }

  /** The same from what the keys are made of (a record, or a snapshot of its key). */
  setSource(source: KeySource): Set<string> {
    const { id, created, updated, date, scopes } = source;
    const before = this.#entries.get(id);
    const touched = new Set(this.#remove(id));
    const entry: RecordKey = {
      key: {
        recordId: id,
        published: dateAtUtcMidnight(created),
        updated: dateAtUtcMidnight(updated),
        eventStart: date.start,
      },
      segments: scopes.map((scope) => scopeSegment({ scope })),
      start: date.start,
      coverage: { date, revision: { updated } },
      created,
    };
    this.#entries.set(id, entry);
    this.#enterYear(id, date.start);
    scopes.forEach((scope, index) => {
      const segment = entry.segments[index]!;
      this.#join({ segment, scope, id });
      touched.add(segment);
      for (const order of Object.values(this.#orders)) order.add(segment, entry.key);
    });
    this.#changed({ before: before?.coverage, after: entry.coverage });
    return touched;
  }

  #enterYear(id: string, start: string): void {
    const year = eventYear(start);
    let ids = this.#byYear.get(year);
    if (ids === undefined) {
      ids = new Set();
      this.#byYear.set(year, ids);
    }
    ids.add(id);
    this.#yearOrder.delete(year);
  }

  /** Counts a record in a segment (the first record of a segment names its scope). */
  #join({ segment, scope, id }: { segment: string; scope: FeedScope; id: string }): void {
    let ids = this.#bySegment.get(segment);
    if (ids === undefined) {
      ids = new Set();
      this.#bySegment.set(segment, ids);
      this.#scopes.set(segment, scope);
    }
    ids.add(id);
  }

  /** Remove a record; returns the segments it was in. */
  delete(id: string): string[] {
    const entry = this.#entries.get(id);
    const segments = this.#remove(id);
    if (entry !== undefined) this.#changed({ before: entry.coverage });
    return segments;
  }

  #remove(id: string): string[] {
    const entry = this.#entries.get(id);
    if (entry === undefined) return [];
    this.#entries.delete(id);
    const year = eventYear(entry.start);
    const ids = this.#byYear.get(year);
    ids?.delete(id);
    if (ids?.size === 0) this.#byYear.delete(year);
    this.#yearOrder.delete(year);
    for (const segment of entry.segments) {
      const ids = this.#bySegment.get(segment);
      ids?.delete(id);
      for (const order of Object.values(this.#orders)) order.remove(segment, entry.key);
      // A country no record concerns any more has no feed; themes and types always have one.
      if (ids?.size === 0) {
        this.#bySegment.delete(segment);
        if (this.#scopes.get(segment)?.kind === 'country') this.#scopes.delete(segment);
      }
    }
    return entry.segments;
  }

  /**
   * After a change: the coverage follows from one record's change when it can (reading 100,000
   * records again for each edit held the event loop for 30 ms); else it is counted again when
   * next read. Without `before` or `after`, anything may have changed.
   */
  #changed(change?: { before?: CoverageInput; after?: CoverageInput }): void {
    const known = this.#coverage?.value;
    const value =
      change === undefined || known === undefined
        ? undefined
        : changedCoverage({ coverage: known, ...change });
    this.#coverage = value === undefined ? undefined : { value };
  }

  /** The scope of a segment that has a feed now, or undefined. */
  scope(segment: string): FeedScope | undefined {
    return this.#scopes.get(segment);
  }

  /** Every scope with a feed, in feedScopes' order (all, themes, types, countries by code). */
  scopes(): FeedScope[] {
    const fixed = fixedScopes();
    const countries = [...this.#scopes.values()]
      .filter((scope) => scope.kind === 'country')
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return [...fixed, ...countries];
  }

  /** A scope's items, newest update first (compareItems); valid until the next change. */
  items(segment: string): readonly FeedItemKey[] {
    return this.#ordered(this.#orders.updated, segment);
  }

  /** A scope's items in the order archives are cut (compareCreation); valid until the next change. */
  itemsByCreation(segment: string): readonly FeedItemKey[] {
    return this.#ordered(this.#orders.created, segment);
  }

  /**
   * A scope's items in one order. A scope without a list yet gets it from every record's items
   * in that order, dealt out to every scope without one: one sort of all the keys rather than
   * one per scope (each record is in some six scopes, and a build asks for every scope's).
   */
  #ordered(order: SortedKeys, segment: string): readonly FeedItemKey[] {
    if (segment !== ALL && !order.has(segment)) {
      const lists = new Map<string, FeedItemKey[]>();
      for (const key of order.get(ALL, () => this.#keysOf(ALL))) {
        for (const scope of this.#entries.get(key.recordId)!.segments) {
          if (scope === ALL) continue;
          let list = lists.get(scope);
          if (list === undefined) {
            list = [];
            lists.set(scope, list);
          }
          list.push(key);
        }
      }
      // In order already: a subset of a list in a total order keeps that order.
      order.seed(lists, { sorted: true });
    }
    return order.get(segment, () => this.#keysOf(segment));
  }

  #keysOf(segment: string): FeedItemKey[] {
    return [...(this.#bySegment.get(segment) ?? [])].map((id) => this.#entries.get(id)!.key);
  }

  /** What the records cover (dataCoverage), for the feeds' and calendar's descriptions. */
  coverage(): Coverage | undefined {
    this.#coverage ??= {
      value: dataCoverage([...this.#entries.values()].map((entry) => entry.coverage)),
    };
    return this.#coverage.value;
  }

  /** Every year with a record's event, in order. */
  years(): string[] {
    return [...this.#byYear.keys()].sort();
  }

  /** A year's records in the calendar's order (start date, then id); valid until the next change. */
  byStartIn(year: string): readonly RecordKey[] {
    let ordered = this.#yearOrder.get(year);
    if (ordered === undefined) {
      ordered = [...(this.#byYear.get(year) ?? [])]
        .map((id) => this.#entries.get(id)!)
        .sort((a, b) =>
          compareEvents(
            { start: a.start, id: a.key.recordId },
            { start: b.start, id: b.key.recordId },
          ),
        );
      this.#yearOrder.set(year, ordered);
    }
    return ordered;
  }

  /** The most recent `size` records in the calendar's order (only the latest years are sorted). */
  mostRecent(size: number): RecordKey[] {
    const years = this.years().reverse();
    const byStartIn = (year: string) => this.byStartIn(year);
    return mostRecentEvents({
      years: (function* () {
        for (const year of years) yield byStartIn(year);
      })(),
      size,
    });
  }
}

const ALL = scopeSegment({ scope: { kind: 'all' } });

// Every theme and type of the vocabulary, after "all": feedScopes of no records.
function fixedScopes(): FeedScope[] {
  return feedScopes({ records: [] });
}

/** Per scope, its items sorted in one order, kept up to date by edits (see RecordKeys). */
class SortedKeys {
  readonly #lists = new Map<string, { keys: FeedItemKey[]; sorted: boolean }>();

  constructor(readonly compare: (a: FeedItemKey, b: FeedItemKey) => number) {}

  get(segment: string, all: () => FeedItemKey[]): readonly FeedItemKey[] {
    let list = this.#lists.get(segment);
    if (list === undefined) {
      list = { keys: all(), sorted: false };
      this.#lists.set(segment, list);
    }
    if (!list.sorted) {
      list.keys.sort(this.compare);
      list.sorted = true;
    }
    return list.keys;
  }

  has(segment: string): boolean {
    return this.#lists.has(segment);
  }

  /**
   * Lists of segments that have none yet, in an order that is probably this one (sorted next),
   * or (`sorted`) in this order.
   */
  seed(lists: Map<string, FeedItemKey[]>, { sorted = false }: { sorted?: boolean } = {}): void {
    for (const [segment, keys] of lists) {
      if (!this.#lists.has(segment)) this.#lists.set(segment, { keys, sorted });
    }
  }

  add(segment: string, key: FeedItemKey): void {
    const list = this.#lists.get(segment);
    if (list === undefined) return;
    if (!list.sorted) {
      list.keys.push(key);
      return;
    }
    // The first place whose key comes after this one (compare is a total order: ties by id).
    let low = 0;
    let high = list.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(list.keys[middle]!, key) <= 0) low = middle + 1;
      else high = middle;
    }
    list.keys.splice(low, 0, key);
  }

  remove(segment: string, key: FeedItemKey): void {
    const list = this.#lists.get(segment);
    if (list === undefined) return;
    const index = list.keys.lastIndexOf(key);
    if (index >= 0) list.keys.splice(index, 1);
    if (list.keys.length === 0) this.#lists.delete(segment);
  }
}
