import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asOfDate, changedCoverage, dataCoverage, oneMonthBefore } from './coverage.js';
import { makeBriefing } from './test-support/index.js';

const record = (id: string, start: string, end: string | undefined, updated: string) =>
  makeBriefing({
    id,
    date: { start, ...(end === undefined ? {} : { end }), precision: 'day' },
    revision: { created: updated, updated, changes: [{ date: updated, note: 'Added.' }] },
  });

describe('dataCoverage', () => {
  it('spans the earliest start to the latest end, and the newest update', () => {
    expect(
      dataCoverage([
        record('a', '2023-10-18', '2023-10-19', '2026-11-27'),
        record('b', '2000-07-19', '2000-07-20', '2026-12-04'),
        record('c', '2025-10-31', undefined, '2026-11-30'),
      ]),
    ).toEqual({ from: '2000-07-19', to: '2025-10-31', updated: '2026-12-04' });
  });

  it('counts a month-precision record to the end of its month', () => {
    const monthly = makeBriefing({ date: { start: '2002-05-01', precision: 'month' } });
    expect(dataCoverage([monthly])?.to).toBe('2002-05-31');
  });

  it('has nothing to say of no records', () => {
    expect(dataCoverage([])).toBeUndefined();
  });
});

describe('asOfDate', () => {
  const coverage = (updated: string) => ({ from: '2000-01-01', to: '2025-10-31', updated });

  it.each([
    ['2026-12-04', '2026-12-04', { date: '2026-12-04', stale: false }],
    ['2026-11-04', '2026-12-04', { date: '2026-12-04', stale: false }],
    ['2026-11-03', '2026-12-04', { date: '2026-11-03', stale: true }],
    ['2025-10-31', '2026-12-04', { date: '2025-10-31', stale: true }],
  ])('for data updated %s, seen on %s, speaks as of %j', (updated, today, expected) => {
    expect(asOfDate({ coverage: coverage(updated), today })).toEqual(expected);
  });
});

describe('oneMonthBefore', () => {
  it.each([
    ['2026-12-04', '2026-11-04'],
    ['2026-01-15', '2025-12-15'],
    ['2026-03-31', '2026-02-28'],
    ['2024-03-30', '2024-02-29'],
  ])('%s → %s', (date, expected) => {
    expect(oneMonthBefore(date)).toBe(expected);
  });
});

describe('changedCoverage', () => {
  const day = (n: number) =>
    `2024-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  const recordArbitrary = fc
    .record({ start: fc.nat(40), length: fc.option(fc.nat(5)), updated: fc.nat(40) })
    .map(({ start, length, updated }) => {
      const from = day(start);
      const to = length === null ? undefined : day(start + length);
      return record('r', from, to !== undefined && to > from ? to : undefined, day(updated));
    });

  it('gives what counting every record again gives, or says it cannot tell', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.option(recordArbitrary),
        fc.boolean(),
        (records, pick, replacement, adding) => {
          const coverage = dataCoverage(records)!;
          const index = pick % records.length;
          const before = adding ? undefined : records[index];
          const after = replacement ?? undefined;
          const changed = adding
            ? [...records, ...(after === undefined ? [] : [after])]
            : records.flatMap((one, at) =>
                at !== index ? [one] : after === undefined ? [] : [after],
              );
          const worked = changedCoverage({
            coverage,
            ...(before && { before }),
            ...(after && { after }),
          });
          if (worked !== undefined) expect(worked).toEqual(dataCoverage(changed));
          // Adding a record never needs the others.
          if (adding) expect(worked).toEqual(dataCoverage(changed));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('works out the usual edit, the newest record updated again, without the records', () => {
    const newest = record('a', '2024-03-01', undefined, '2026-12-04');
    const coverage = dataCoverage([record('b', '2023-10-18', '2023-10-19', '2026-11-27'), newest])!;
    const edited = record('a', '2024-03-01', undefined, '2026-12-05');
    expect(changedCoverage({ coverage, before: newest, after: edited })).toEqual({
      from: '2023-10-18',
      to: '2024-03-01',
      updated: '2026-12-05',
    });
    // Dated back, it may no longer be the newest: only the records can tell.
    const datedBack = record('a', '2024-03-01', undefined, '2026-01-01');
    expect(changedCoverage({ coverage, before: newest, after: datedBack })).toBeUndefined();
  });
});
