// The one rule that groups records into engagements: a trip and its legs, an announcement and
// what it announces, a statement and the event it follows are one engagement. Counts, the list,
// the heatmap and the store all take it from here.
import type { Briefing } from './briefing.js';
import type { RecordLinks } from './record-set.js';
import { compareDates } from './sort.js';
import type { RelationKind } from './vocabulary.js';

/** The relations that make a record one engagement with its target (`supersedes` does not). */
export const GROUPING_RELATIONS: readonly RelationKind[] = ['part-of', 'announces', 'follows'];

const grouping = new Set<RelationKind>(GROUPING_RELATIONS);

/**
 * The record a record groups under: the target of its first part-of, announces or follows link
 * that names another existing record (`exists`); undefined for none.
 */
export function engagementLink(
  record: RecordLinks,
  exists: (id: string) => boolean,
): string | undefined {
  for (const link of record.related ?? []) {
    if (grouping.has(link.relation) && link.id !== record.id && exists(link.id)) return link.id;
  }
  return undefined;
}

/**
 * Each record's engagement: the id of the root reached by following `engagementLink` from it,
 * transitively. A root is a record with no such link, or one on a cycle of them (each record of
 * a cycle is its own engagement; checkRecordSet reports the cycle). Of records sharing an id,
 * the first counts.
 */
export function engagementIds({
  records,
}: {
  records: readonly RecordLinks[];
}): Map<string, string> {
  const first = new Map<string, RecordLinks>();
  for (const record of records) if (!first.has(record.id)) first.set(record.id, record);
  const exists = (id: string) => first.has(id);
  const link = new Map<string, string | undefined>();
  for (const [id, record] of first) link.set(id, engagementLink(record, exists));

  const result = new Map<string, string>();
  for (const id of first.keys()) {
    if (result.has(id)) continue;
    // Walk up to a record already resolved, a root, or back onto the walk itself (a cycle).
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current = id;
    let root: string;
    for (;;) {
      const known = result.get(current);
      if (known !== undefined) {
        root = known;
        break;
      }
      const seenAt = onPath.get(current);
      if (seenAt !== undefined) {
        for (const member of path.slice(seenAt)) result.set(member, member);
        path.length = seenAt;
        root = current;
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      const next = link.get(current);
      if (next === undefined) {
        root = current;
        break;
      }
      current = next;
    }
    for (const member of path) result.set(member, root);
  }
  return result;
}

/**
 * The cycles of engagement links, each as its ids in link order starting from its least id
 * (so that each cycle is reported once). A record on one has no root to group under.
 */
export function engagementCycles({ records }: { records: readonly RecordLinks[] }): string[][] {
  const first = new Map<string, RecordLinks>();
  for (const record of records) if (!first.has(record.id)) first.set(record.id, record);
  const ids = engagementIds({ records });
  const cycles: string[][] = [];
  for (const [id, record] of first) {
    // A record on a cycle is its own engagement yet links to another record.
    if (ids.get(id) !== id) continue;
    const next = engagementLink(record, (other) => first.has(other));
    if (next === undefined) continue;
    const cycle = [id];
    for (let at = next; at !== id; at = engagementLink(first.get(at)!, (o) => first.has(o))!) {
      cycle.push(at);
    }
    if (cycle.every((member) => member >= id)) cycles.push(cycle);
  }
  return cycles;
}

/** An engagement among some records: its id, the record that leads it, its records by date. */
export interface EngagementGroup<R> {
  /** The id of the engagement's root record. */
  id: string;
  /** The root when it is among the records, else the first of them by date. */
  lead: R;
  /** Every record of the engagement among those given, the lead included, by date. */
  members: R[];
}

/**
 * The given records grouped by engagement, each group's members by date, the groups by their
 * first member's date. `ids` (from engagementIds over every record) places records whose root
 * is not among those given, such as the matches of a filter; by default the records' own.
 */
export function groupEngagements<R extends Pick<Briefing, 'id' | 'date' | 'related'>>({
  records,
  ids = engagementIds({ records }),
}: {
  records: readonly R[];
  ids?: ReadonlyMap<string, string>;
}): EngagementGroup<R>[] {
  const groups = new Map<string, R[]>();
  for (const record of [...records].sort(compareDates)) {
    const id = ids.get(record.id) ?? record.id;
    const members = groups.get(id);
    if (members === undefined) groups.set(id, [record]);
    else members.push(record);
  }
  return [...groups].map(([id, members]) => ({
    id,
    lead: members.find((member) => member.id === id) ?? members[0]!,
    members,
  }));
}

/** How many engagements the records belong to (`ids` as in groupEngagements). */
export function countEngagements({
  records,
  ids = engagementIds({ records }),
}: {
  records: readonly RecordLinks[];
  ids?: ReadonlyMap<string, string>;
}): number {
  return new Set(records.map((record) => ids.get(record.id) ?? record.id)).size;
}
