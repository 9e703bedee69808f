// The one rule that groups records into engagements: a trip and its legs, an announcement and
// what it announces, a statement and the event it follows are one engagement. Counts, the list,
// the heatmap and the store all take it from here.
import type { Briefing } from './briefing.js';
import type { RecordLinks } from './record-set.js';
import { compareDates } from './sort.js';
import type { RelationKind } from './vocabulary.js';
import { endsStep, runSteps, type Steps } from './in-steps.js';

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
  return runSteps(engagementIdsInSteps({ records }));
}

/** engagementIds in steps (see in-steps.ts). */
export function* engagementIdsInSteps({
  records,
}: {
  records: readonly RecordLinks[];
}): Steps<Map<string, string>> {
  const { list, root } = yield* resolveEngagements(records);
  const result = new Map<string, string>();
  for (let i = 0; i < list.length; i += 1) {
    result.set(list[i]!.id, list[root[i]!]!.id);
    if (endsStep(i)) yield;
  }
  return result;
}

/**
 * The cycles of engagement links, each as its ids in link order starting from its least id
 * (so that each cycle is reported once). A record on one has no root to group under.
 */
export function engagementCycles({ records }: { records: readonly RecordLinks[] }): string[][] {
  return runSteps(engagementCyclesInSteps({ records }));
}

/** engagementCycles in steps (see in-steps.ts). */
export function* engagementCyclesInSteps({
  records,
}: {
  records: readonly RecordLinks[];
}): Steps<string[][]> {
  const { list, parent, root } = yield* resolveEngagements(records);
  const cycles: string[][] = [];
  const done = new Uint8Array(list.length);
  for (let i = 0; i < list.length; i += 1) {
    // A record on a cycle is its own root yet links to another record.
    if (done[i] === 1 || root[i] !== i || parent[i] === -1) continue;
    const cycle: number[] = [];
    for (let at = i; done[at] === 0; at = parent[at]!) {
      done[at] = 1;
      cycle.push(at);
    }
    const ids = cycle.map((at) => list[at]!.id);
    let least = 0;
    for (let k = 1; k < ids.length; k += 1) if (ids[k]! < ids[least]!) least = k;
    cycles.push([...ids.slice(least), ...ids.slice(0, least)]);
  }
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/**
 * The records by index (the first of each id), each one's engagement link (`parent`, -1 for
 * none) and root, in time linear in the records (a few hundred ms at 100,000 records).
 */
function* resolveEngagements(records: readonly RecordLinks[]): Steps<{
  list: RecordLinks[];
  parent: Int32Array;
  root: Int32Array;
}> {
  const index = new Map<string, number>();
  const list: RecordLinks[] = [];
  for (const [at, record] of records.entries()) {
    if (!index.has(record.id)) {
      index.set(record.id, list.length);
      list.push(record);
    }
    if (endsStep(at)) yield;
  }
  const exists = (id: string) => index.has(id);
  const parent = new Int32Array(list.length).fill(-1);
  for (let i = 0; i < list.length; i += 1) {
    const target = engagementLink(list[i]!, exists);
    if (target !== undefined) parent[i] = index.get(target)!;
    if (endsStep(i)) yield;
  }
  const root = new Int32Array(list.length).fill(-1);
  // walk[k] = 1 + the walk that last passed record k, to tell a cycle from a resolved record.
  const walk = new Int32Array(list.length);
  const path: number[] = [];
  for (let start = 0; start < list.length; start += 1) {
    if (root[start] !== -1) continue;
    path.length = 0;
    let at = start;
    let found: number;
    for (;;) {
      if (root[at] !== -1) {
        found = root[at]!;
        break;
      }
      if (walk[at] === start + 1) {
        // Back on this walk: the records from `at` on are a cycle, each its own root.
        const from = path.indexOf(at);
        for (const member of path.slice(from)) root[member] = member;
        path.length = from;
        found = at;
        break;
      }
      walk[at] = start + 1;
      path.push(at);
      if (parent[at] === -1) {
        found = at;
        break;
      }
      at = parent[at]!;
    }
    for (const member of path) root[member] = found;
    if (endsStep(start)) yield;
  }
  return { list, parent, root };
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
