import {
  compareDates,
  countryName,
  changedCoverage,
  dataCoverage,
  engagementIds,
  engagementIdsInSteps,
  sortBriefings,
  type Briefing,
  type Coverage,
  type RelationKind,
} from '@briefing/schema';
import { cleanRecord } from '@briefing/present';
import { runInSlices, TimeSlicer } from '@briefing/store';
import type { CitedDocument } from './documents.js';
import { inOwnTurn } from './own-turn.js';
import { RecordsById } from './records-by-id.js';

/** A link from one record to another, seen from either end. */
export interface RelatedLink {
  id: string;
  relation: RelationKind;
  /** outgoing: this record names the other; incoming: the other names this one. */
  direction: 'outgoing' | 'incoming';
}

export interface Facets {
  actors: string[];
  places: string[];
  countries: { code: string; name: string }[];
}

/**
 * The records of one data version of the index, in memory, for the views that read them all
 * (the overview's charts, actors, places, the network). Lists, facets, counts, exports and
 * record pages ask the index itself (see live-data.ts).
 */
export interface Snapshot {
  /** The index's data version these records are. */
  dataVersion: number;
  /** The site's origin, with a trailing slash, that feeds and exports link to. */
  siteUrl: string;
  records: readonly Briefing[];
  byId: RecordsById;
  /** Records by event date, newest first: the list's default order. */
  newestFirst: readonly Briefing[];
  related: ReadonlyMap<string, readonly RelatedLink[]>;
  facets: Facets;
  /** The documents the sources cite, by file name (see documentPath). */
  documents: ReadonlyMap<string, CitedDocument>;
  /** Values derived from these records (overview charts…), filled on first use. */
  memo: Map<string, unknown>;
  /** Of those, the ones the next snapshot may keep: what each reads of every record (see memo). */
  reads: Map<string, readonly RecordPart[]>;
}

/**
 * What a value derived from every record reads of each one, beyond which records there are:
 * their actors' and places' names and countries, their places with coordinates, their links to
 * other records, their event dates as written (start, end, precision: the order of
 * `newestFirst` follows them), their themes, their status.
 */
export type RecordPart = 'names' | 'places' | 'links' | 'dates' | 'themes' | 'status';

/** The snapshot of some records (cleaned as pages show them: see cleanRecord). */
export function buildSnapshot({
  records: given,
  siteUrl,
  documents = new Map(),
  dataVersion = 0,
  clean = true,
  known = {},
}: {
  records: readonly Briefing[];
  siteUrl: string;
  documents?: ReadonlyMap<string, CitedDocument>;
  dataVersion?: number;
  /** False when the records are cleaned already (those of an earlier snapshot). */
  clean?: boolean;
  /** What is known already of these records (see nextSnapshot): not made again. */
  known?: Partial<Pick<Snapshot, 'byId' | 'newestFirst' | 'related' | 'facets' | 'memo' | 'reads'>>;
}): Snapshot {
  // Pages show what the feeds show: control characters no document may hold are dropped.
  const records = clean ? given.map(cleanRecord) : given;
  const newestFirst = known.newestFirst ?? sortBriefings({ records, by: 'date', order: 'desc' });
  return {
    dataVersion,
    siteUrl,
    records,
    byId: known.byId ?? RecordsById.of(records),
    newestFirst,
    related: known.related ?? buildRelated(newestFirst),
    facets: known.facets ?? buildFacets(records),
    documents,
    memo: new Map(known.memo),
    reads: new Map(known.reads),
  };
}

/**
 * buildSnapshot of records already cleaned, each of its parts (the order, the index by id, the
 * links, the facets) made in a turn of the event loop of its own: made in one, they held it
 * 150–250 ms at 100,000 records when the first page after a start needed them.
 */
export async function buildSnapshotInTurns({
  records,
  ...rest
}: {
  records: readonly Briefing[];
  siteUrl: string;
  documents: ReadonlyMap<string, CitedDocument>;
  dataVersion: number;
}): Promise<Snapshot> {
  const newestFirst = await inOwnTurn(() => sortBriefings({ records, by: 'date', order: 'desc' }));
  const known = {
    newestFirst,
    byId: await inOwnTurn(() => RecordsById.of(records)),
    related: await inOwnTurn(() => buildRelated(newestFirst)),
    facets: await inOwnTurn(() => buildFacets(records)),
  };
  return buildSnapshot({ records, ...rest, clean: false, known });
}

/** Each record's links, both ways, in event order: a trip lists its legs as they happened. */
function buildRelated(newestFirst: readonly Briefing[]): Map<string, RelatedLink[]> {
  const related = new Map<string, RelatedLink[]>(newestFirst.map((record) => [record.id, []]));
  for (let index = newestFirst.length - 1; index >= 0; index -= 1) {
    const record = newestFirst[index]!;
    for (const link of record.related ?? []) {
      related.get(record.id)!.push({ id: link.id, relation: link.relation, direction: 'outgoing' });
      related.get(link.id)?.push({ id: record.id, relation: link.relation, direction: 'incoming' });
    }
  }
  return related;
}

/**
 * The next snapshot from an earlier one and the records that changed since (undefined: removed),
 * reading only those from the index.
 */
export function nextSnapshot({
  previous,
  changed,
  dataVersion,
  documents,
}: {
  previous: Snapshot;
  changed: ReadonlyMap<string, Briefing | undefined>;
  dataVersion: number;
  documents: ReadonlyMap<string, CitedDocument>;
}): Snapshot {
  const cleaned = new Map<string, Briefing | undefined>();
  for (const [id, record] of changed) {
    cleaned.set(id, record === undefined ? undefined : cleanRecord(record));
  }
  // In the previous order, a changed record in its place and a new one at the end.
  const records: Briefing[] = [];
  for (const record of previous.records) {
    const next = cleaned.has(record.id) ? cleaned.get(record.id) : record;
    if (next !== undefined) records.push(next);
  }
  for (const [id, record] of cleaned) {
    if (record !== undefined && !previous.byId.has(id)) records.push(record);
  }
  const byId = previous.byId.with(cleaned, records);
  // What the changes leave as it was is taken from the previous snapshot: made again, the
  // order, the links and the facets took 20 ms at 10,000 records and 250 ms at 100,000, on the
  // event loop after each edit (most edits change a title or a summary).
  const kept = (sameFor: (before: Briefing, after: Briefing) => boolean) =>
    [...cleaned].every(([id, after]) => {
      const before = previous.byId.get(id);
      return before !== undefined && after !== undefined && sameFor(before, after);
    });
  // Whether every changed record's part of a kind is as it was (each kind compared once).
  const same = new Map<RecordPart, boolean>();
  const unchanged = (part: RecordPart) => {
    if (!same.has(part)) same.set(part, kept(SAME[part]));
    return same.get(part)!;
  };
  // A record's place in its links' lists follows its date too, unless it has none.
  const sameLinkOrder =
    unchanged('links') &&
    kept(
      (before, after) =>
        previous.related.get(before.id)!.length === 0 || compareDates(before, after) === 0,
    );
  const reads = new Map(
    [...previous.reads].filter(([key, parts]) => previous.memo.has(key) && parts.every(unchanged)),
  );
  return buildSnapshot({
    records,
    siteUrl: previous.siteUrl,
    documents,
    dataVersion,
    clean: false,
    known: {
      byId,
      newestFirst: placeChanged({
        newestFirst: previous.newestFirst,
        changed: cleaned,
        before: (id) => previous.byId.get(id),
      }),
      ...(sameLinkOrder ? { related: previous.related } : {}),
      ...(unchanged('names') ? { facets: previous.facets } : {}),
      memo: new Map([
        ...[...reads.keys()].map((key): [string, unknown] => [key, previous.memo.get(key)]),
        ...carriedCoverage({ previous, changed: cleaned }),
      ]),
      reads,
    },
  });
}

/** The memo keys of snapshotEngagements and snapshotCoverage. */
const ENGAGEMENTS = 'engagement ids';
const COVERAGE = 'coverage';

/**
 * The previous snapshot's coverage with the changed records in it, as a memo entry, when the
 * coverage alone tells (changedCoverage: an edit that moves no edge of it, or pushes one further):
 * read from every record again, it held the event loop 60 ms at 100,000 records after each edit.
 */
function carriedCoverage({
  previous,
  changed,
}: {
  previous: Snapshot;
  changed: ReadonlyMap<string, Briefing | undefined>;
}): [string, Coverage][] {
  let coverage = previous.memo.get(COVERAGE) as Coverage | undefined;
  for (const [id, after] of changed) {
    if (coverage === undefined) return [];
    const before = previous.byId.get(id);
    coverage = changedCoverage({
      coverage,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    });
  }
  return coverage === undefined ? [] : [[COVERAGE, coverage]];
}

/** Whether a changed record's part of each kind is as it was. */
const SAME: Record<RecordPart, (before: Briefing, after: Briefing) => boolean> = {
  names: (before, after) => namesKey(before) === namesKey(after),
  places: (before, after) => placesKey(before) === placesKey(after),
  links: (before, after) =>
    JSON.stringify(before.related ?? []) === JSON.stringify(after.related ?? []),
  dates: (before, after) =>
    before.date.start === after.date.start &&
    before.date.end === after.date.end &&
    before.date.precision === after.date.precision,
  themes: (before, after) => before.themes.join() === after.themes.join(),
  status: (before, after) => before.status === after.status,
};

/** A record's actors' and places' names and countries (what the facets are made of). */
const namesKey = (record: Briefing) =>
  JSON.stringify([
    record.actors.map(({ name, country }) => [name, country]),
    record.places.map(({ name, country }) => [name, country]),
  ]);

/** A record's places with their coordinates. */
const placesKey = (record: Briefing) =>
  JSON.stringify(record.places.map(({ name, country, lat, lon }) => [name, country, lat, lon]));

/** In a newest-first list, the first place whose record is not newer than `record`. */
function placeFor(list: readonly Briefing[], record: Briefing): number {
  // compareDates orders every pair (ties go by id): a bisection.
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareDates(list[middle]!, record) > 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A newest-first list (sortBriefings by date, descending) with the changed records taken out and
 * those that remain (not undefined) put back in their places: the list sorting them all gives.
 * `before` gives a changed record's version in the list, found there by bisection: filtering the
 * whole list for the changed ids took 30 ms at 100,000 records, on the event loop after each edit.
 */
export function placeChanged({
  newestFirst,
  changed,
  before,
}: {
  newestFirst: readonly Briefing[];
  changed: ReadonlyMap<string, Briefing | undefined>;
  before: (id: string) => Briefing | undefined;
}): Briefing[] {
  // Where each changed record's version in the list sits; undefined if one is not where its date
  // puts it (never, for a list this module made): then the long way.
  let gone: number[] | undefined = [];
  for (const id of changed.keys()) {
    const previous = before(id);
    if (previous === undefined) continue;
    const at = placeFor(newestFirst, previous);
    if (newestFirst[at] !== previous) {
      gone = undefined;
      break;
    }
    gone.push(at);
  }
  let list: Briefing[];
  if (gone === undefined) list = newestFirst.filter((record) => !changed.has(record.id));
  else {
    list = newestFirst.slice();
    for (const at of gone.sort((a, b) => b - a)) list.splice(at, 1);
  }
  for (const record of changed.values()) {
    if (record !== undefined) list.splice(placeFor(list, record), 0, record);
  }
  return list;
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

function buildFacets(records: readonly Briefing[]): Facets {
  const actors = new Set<string>();
  const places = new Set<string>();
  const countries = new Set<string>();
  for (const record of records) {
    for (const actor of record.actors) {
      actors.add(actor.name);
      countries.add(actor.country);
    }
    for (const place of record.places) {
      places.add(place.name);
      countries.add(place.country);
    }
  }
  return {
    actors: [...actors].sort(collator.compare),
    places: [...places].sort(collator.compare),
    countries: [...countries]
      .map((code) => ({ code, name: countryName(code) }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}

/** The engagement of each record of a snapshot (the schema's rule), computed once. */
export function snapshotEngagements(snapshot: Snapshot): ReadonlyMap<string, string> {
  return keptEngagements(snapshot, () => engagementIds({ records: snapshot.records }));
}

/** The snapshot's engagements, or `compute`'s: kept in the next snapshot while no link changes. */
function keptEngagements(
  snapshot: Snapshot,
  compute: () => ReadonlyMap<string, string>,
): ReadonlyMap<string, string> {
  return memo(snapshot, ENGAGEMENTS, compute, ['links']);
}

/**
 * snapshotEngagements worked out a slice at a time, unless the snapshot has them (kept from the
 * previous one when no link changed): in one go they held the event loop 150–350 ms at 100,000
 * records, on the first overview or theme page after a start.
 */
export async function prepareEngagements(
  snapshot: Snapshot,
  slicer = new TimeSlicer(),
): Promise<void> {
  if (snapshot.memo.has(ENGAGEMENTS)) return;
  const steps = engagementIdsInSteps({ records: snapshot.records });
  const ids = await runInSlices({ steps, slicer });
  keptEngagements(snapshot, () => ids);
}

/** What the snapshot's records cover and when they last changed (exports name files by it). */
export function snapshotCoverage(snapshot: Snapshot): Coverage | undefined {
  return memo(snapshot, COVERAGE, () => dataCoverage(snapshot.records));
}

/**
 * A value derived from a snapshot, computed once. Given `reads`, every part of a record the value
 * depends on, the next snapshot keeps it (nextSnapshot) when no record came or went and no changed
 * record's parts of those kinds changed: made from every record again, such values held the event
 * loop for 100–200 ms each at 100,000 records after an edit of a title. Only for values that hold
 * no record (ids, names, counts): a kept record would show its text from before the edit.
 */
export function memo<T>(
  snapshot: Snapshot,
  key: string,
  compute: () => T,
  reads?: readonly RecordPart[],
): T {
  if (!snapshot.memo.has(key)) {
    snapshot.memo.set(key, compute());
    if (reads !== undefined) snapshot.reads.set(key, reads);
  }
  return snapshot.memo.get(key) as T;
}
