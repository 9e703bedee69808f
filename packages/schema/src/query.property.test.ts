import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveEnd, monthsBetween } from './calendar-date.js';
import { formatDateRange } from './format-date.js';
import { groupByMonthAndTheme } from './group.js';
import { filterBriefings } from './query.js';
import { sortBriefings } from './sort.js';
import { arbitraryEventDate } from './test-support/arbitraries.js';
import { makeBriefing } from './test-support/fixtures.js';
import { THEMES } from './vocabulary.js';

const arbitraryRecords = fc
  .array(
    fc.record({
      date: arbitraryEventDate,
      themes: fc.uniqueArray(fc.constantFrom(...THEMES.map((theme) => theme.id)), { minLength: 1 }),
    }),
    { maxLength: 30 },
  )
  .map((inputs) => inputs.map((input, index) => makeBriefing({ id: `r-${index}`, ...input })));

describe('query helpers, for any records', () => {
  it('sort by date into a permutation ordered by start, then end', () => {
    fc.assert(
      fc.property(
        arbitraryRecords,
        fc.constantFrom('asc' as const, 'desc' as const),
        (records, order) => {
          const sorted = sortBriefings({ records, order });
          expect([...sorted].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
            [...records].sort((a, b) => a.id.localeCompare(b.id)),
          );
          const sign = order === 'asc' ? 1 : -1;
          for (let i = 1; i < sorted.length; i += 1) {
            const [a, b] = [sorted[i - 1]!, sorted[i]!];
            const key = (r: typeof a) => `${r.date.start} ${effectiveEnd(r.date)}`;
            expect(sign * key(a).localeCompare(key(b))).toBeLessThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('find a record by any day it covers, and not by the day after', () => {
    fc.assert(
      fc.property(arbitraryEventDate, fc.nat(), (date, pick) => {
        const record = makeBriefing({ date });
        const end = effectiveEnd(date);
        const days = Math.round((Date.parse(end) - Date.parse(date.start)) / 86_400_000);
        const day = new Date(Date.parse(date.start) + (pick % (days + 1)) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        expect(filterBriefings({ records: [record], query: { from: day, to: day } })).toEqual([
          record,
        ]);
        const after = new Date(Date.parse(end) + 86_400_000).toISOString().slice(0, 10);
        expect(filterBriefings({ records: [record], query: { from: after } })).toEqual([]);
      }),
    );
  });

  it('count each record once per theme and month it spans', () => {
    fc.assert(
      fc.property(arbitraryRecords, (records) => {
        const total = groupByMonthAndTheme({ records }).reduce((sum, cell) => sum + cell.count, 0);
        const expected = records.reduce(
          (sum, r) =>
            sum +
            r.themes.length *
              monthsBetween({ start: r.date.start, end: effectiveEnd(r.date) }).length,
          0,
        );
        expect(total).toBe(expected);
      }),
    );
  });

  it('format every date range with its years', () => {
    fc.assert(
      fc.property(arbitraryEventDate, (date) => {
        const text = formatDateRange(date);
        expect(text).toContain(String(Number(date.start.slice(0, 4))));
        expect(text).toContain(String(Number(effectiveEnd(date).slice(0, 4))));
      }),
    );
  });
});
