import { describe, expect, it } from 'vitest';
import { groupByMonthAndTheme } from './group.js';
import { makeBriefing } from './test-support/fixtures.js';

describe('groupByMonthAndTheme', () => {
  it('counts each record in each theme and month it spans, in month then vocabulary order', () => {
    const records = [
      makeBriefing({
        id: 'a',
        themes: ['space', 'diplomacy'],
        date: { start: '2023-09-13', precision: 'day' },
      }),
      makeBriefing({
        id: 'b',
        themes: ['diplomacy'],
        date: { start: '2023-09-30', end: '2023-10-02', precision: 'day' },
      }),
      makeBriefing({
        id: 'c',
        themes: ['diplomacy'],
        date: { start: '2023-12-01', end: '2024-01-31', precision: 'month' },
      }),
    ];
    expect(groupByMonthAndTheme({ records })).toEqual([
      { month: '2023-09', theme: 'diplomacy', count: 2, ids: ['a', 'b'] },
      { month: '2023-09', theme: 'space', count: 1, ids: ['a'] },
      { month: '2023-10', theme: 'diplomacy', count: 1, ids: ['b'] },
      { month: '2023-12', theme: 'diplomacy', count: 1, ids: ['c'] },
      { month: '2024-01', theme: 'diplomacy', count: 1, ids: ['c'] },
    ]);
  });

  it('spreads a year-precision record over its twelve months', () => {
    const records = [
      makeBriefing({
        id: 'y',
        themes: ['defense'],
        date: { start: '2024-01-01', precision: 'year' },
      }),
    ];
    const cells = groupByMonthAndTheme({ records });
    expect(cells.map((cell) => cell.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('gives no cells for no records', () => {
    expect(groupByMonthAndTheme({ records: [] })).toEqual([]);
  });
});
