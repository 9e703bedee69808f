import { groupByMonthAndTheme } from '@briefing/schema';
import { makeBriefing } from '@briefing/schema/testing';
import { describe, expect, it } from 'vitest';
import { countByYear, periodCounts, yearTable } from './period-counts.js';

describe('the year table beside the timeline', () => {
  it('counts a record from 30 Sep to 2 Oct once, as the chart does', () => {
    const cells = groupByMonthAndTheme({
      records: [
        makeBriefing({
          id: 'autumn-visit',
          themes: ['diplomacy'],
          date: { start: '2023-09-30', end: '2023-10-02', precision: 'day' },
        }),
      ],
    });
    expect(yearTable(periodCounts(cells))).toEqual([['2023', new Map([['diplomacy', 1]])]]);
  });

  it('equals the yearly chart counts cell for cell', () => {
    const records = Array.from({ length: 30 }, (_, index) =>
      makeBriefing({
        id: `record-${index}`,
        themes: index % 2 === 0 ? ['diplomacy', 'space'] : ['defense'],
        date: {
          start: `20${10 + (index % 5)}-${String(1 + (index % 12)).padStart(2, '0')}-28`,
          end: `20${10 + (index % 5) + (index % 3 === 0 ? 1 : 0)}-${String(1 + ((index + 2) % 12)).padStart(2, '0')}-03`,
          precision: 'day',
        },
      }),
    ).filter((record) => record.date.end! > record.date.start);
    const cells = groupByMonthAndTheme({ records });
    const fromTable = yearTable(periodCounts(cells)).flatMap(([year, row]) =>
      [...row].map(([theme, count]) => ({ period: year, theme, count })),
    );
    const sortKey = (c: { period: string; theme: string }) => `${c.period} ${c.theme}`;
    expect(fromTable.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
      countByYear(cells).sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
  });
});
