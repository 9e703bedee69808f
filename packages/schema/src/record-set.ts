import type { Briefing } from './briefing.js';
import { engagementCyclesInSteps, engagementLink } from './engagement.js';
import { endsStep, runSteps, type Steps } from './in-steps.js';
import { formatPath, type Problem } from './problem.js';

/** The fields of a record that the rules across records read. */
export type RecordLinks = Pick<Briefing, 'id' | 'related'>;

/** Where a record (or one of its fields) lives, for naming it in a problem. */
export type LocateField<R extends RecordLinks = Briefing> = (
  record: R,
  path: readonly PropertyKey[],
) => { file?: string; line?: number };

/**
 * Rules across records: ids are unique, related ids exist, no record relates to itself or
 * names the same related record twice, and part-of / announces / follows links never lead back
 * to where they started (an engagement needs a root). `locate` adds file and line to each problem.
 */
export function checkRecordSet<R extends RecordLinks = Briefing>(options: {
  records: readonly R[];
  locate?: LocateField<R>;
}): Problem[] {
  return runSteps(checkRecordSetInSteps(options));
}

/** checkRecordSet in steps (see in-steps.ts). */
export function* checkRecordSetInSteps<R extends RecordLinks = Briefing>({
  records,
  locate = () => ({}),
}: {
  records: readonly R[];
  locate?: LocateField<R>;
}): Steps<Problem[]> {
  const problems: Problem[] = [];
  const problem = (record: R, path: PropertyKey[], message: string) =>
    problems.push({
      ...locate(record, path),
      recordId: record.id,
      path: formatPath(path),
      message,
    });
  const where = (record: R) => {
    const { file, line } = locate(record, ['id']);
    return file === undefined ? 'another record' : line === undefined ? file : `${file}:${line}`;
  };

  const byId = new Map<string, R>();
  for (const [at, record] of records.entries()) {
    const first = byId.get(record.id);
    if (first === undefined) byId.set(record.id, record);
    else problem(record, ['id'], `duplicate id "${record.id}", already used in ${where(first)}`);
    if (endsStep(at)) yield;
  }

  for (const [at, record] of records.entries()) {
    if (endsStep(at)) yield;
    const seen = new Set<string>();
    (record.related ?? []).forEach((related, index) => {
      const path = ['related', index, 'id'];
      if (related.id === record.id) {
        problem(record, path, `a record cannot relate to itself ("${related.id}")`);
      } else if (!byId.has(related.id)) {
        problem(
          record,
          path,
          `expected the id of an existing record, got "${related.id}" (no such record)`,
        );
      } else if (seen.has(related.id)) {
        problem(record, path, `"${related.id}" is already listed in related`);
      }
      seen.add(related.id);
    });
  }

  const served = [...byId.values()];
  for (const cycle of yield* engagementCyclesInSteps({ records: served })) {
    const record = byId.get(cycle[0]!)!;
    const target = engagementLink(record, (id) => byId.has(id));
    const index = (record.related ?? []).findIndex((related) => related.id === target);
    problem(
      record,
      ['related', index, 'id'],
      `part-of, announces and follows links go round in a circle (${[...cycle, cycle[0]].join(' → ')}); remove one so that the engagement has a root`,
    );
  }
  return problems;
}
