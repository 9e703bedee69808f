import { describe, expect, it } from 'vitest';
import { engagementCyclesInSteps, engagementIdsInSteps } from './engagement.js';
import { endsStep, runSteps, STEP_RECORDS, type Steps } from './in-steps.js';
import { checkRecordSetInSteps } from './record-set.js';
import type { RecordLinks } from './record-set.js';

/** Drives a computation in steps, counting the steps it yields between. */
function countSteps<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const next = steps.next();
    if (next.done === true) return { value: next.value, yields };
    yields += 1;
  }
}

// Three and a half steps of records: a chain of legs (each part of the one before), with a
// cycle of two at its end and a duplicate id.
const count = Math.floor(STEP_RECORDS * 3.5);
const records: RecordLinks[] = [
  ...Array.from({ length: count }, (_, i) => ({
    id: `r-${i}`,
    ...(i === 0 ? {} : { related: [{ id: `r-${i - 1}`, relation: 'part-of' as const }] }),
  })),
  { id: 'x', related: [{ id: 'y', relation: 'follows' }] },
  { id: 'y', related: [{ id: 'x', relation: 'follows' }] },
  { id: 'r-7' },
];

describe('computations over every record, in steps', () => {
  it('yield between steps of at most STEP_RECORDS records, and give what runs at once gives', () => {
    const ids = countSteps(engagementIdsInSteps({ records }));
    // Three passes over the records, each yielding after every full step.
    expect(ids.yields).toBeGreaterThanOrEqual(3 * 3);
    expect(ids.value).toEqual(runSteps(engagementIdsInSteps({ records })));
    expect(ids.value.get(`r-${count - 1}`)).toBe('r-0');
    expect(ids.value.get('x')).toBe('x');

    const cycles = countSteps(engagementCyclesInSteps({ records }));
    expect(cycles.yields).toBeGreaterThanOrEqual(3 * 3);
    expect(cycles.value).toEqual([['x', 'y']]);

    const problems = countSteps(checkRecordSetInSteps({ records }));
    expect(problems.yields).toBeGreaterThanOrEqual(3 * 4);
    expect(problems.value.map((problem) => `${problem.recordId} ${problem.path}`)).toEqual([
      'r-7 id',
      'x related[0].id',
    ]);
  });

  it('end a step after every STEP_RECORDS records', () => {
    const ends = Array.from({ length: 3 * STEP_RECORDS }, (_, at) => at).filter(endsStep);
    expect(ends).toEqual([STEP_RECORDS - 1, 2 * STEP_RECORDS - 1, 3 * STEP_RECORDS - 1]);
  });
});
