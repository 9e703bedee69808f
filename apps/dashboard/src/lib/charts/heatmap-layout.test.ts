import { describe, expect, it } from 'vitest';
import { layoutHeatmap, monthLabel } from './heatmap-layout.js';

describe('layoutHeatmap', () => {
  const layout = layoutHeatmap({
    cells: [
      { month: '2023-09', theme: 'space', count: 3, ids: ['a', 'b', 'c'] },
      { month: '2023-12', theme: 'diplomacy', count: 1, ids: ['d'] },
      { month: '2024-02', theme: 'diplomacy', count: 6, ids: ['e', 'f', 'g', 'h', 'i', 'j'] },
    ],
    themes: ['diplomacy', 'space'],
  })!;

  it('has a column for every month between the first and the last, empty ones too', () => {
    expect(layout.unit).toBe('month');
    expect(layout.columns.map((column) => column.period)).toEqual([
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(layout.columns.filter((c) => c.year).map((c) => c.year)).toEqual(['2023', '2024']);
  });

  it('links each cell to the list filtered to its theme and whole month', () => {
    const hrefs = layout.cells.map((cell) => cell.href);
    expect(hrefs).toContain('/briefings?theme=space&from=2023-09-01&to=2023-09-30');
    expect(hrefs).toContain('/briefings?theme=diplomacy&from=2024-02-01&to=2024-02-29');
  });

  it('colours more records darker and keeps text readable', () => {
    const fewest = layout.cells.find((cell) => cell.count === 1)!;
    const most = layout.cells.find((cell) => cell.count === 6)!;
    expect(fewest.fill).not.toBe(most.fill);
    expect(fewest.ink).toBe('dark');
    expect(most.ink).toBe('light');
  });

  it('puts each cell in its theme row and month column', () => {
    const cell = layout.cells.find((c) => c.theme === 'space')!;
    expect(cell.y).toBe(layout.rows.find((row) => row.theme === 'space')!.y);
    expect(cell.x).toBe(layout.columns.find((column) => column.period === '2023-09')!.x);
  });

  it('counts years instead of months for long ranges, each record once per year', () => {
    const yearly = layoutHeatmap({
      cells: [
        { month: '2001-01', theme: 'space', count: 1, ids: ['long'] },
        { month: '2001-02', theme: 'space', count: 2, ids: ['long', 'short'] },
        { month: '2015-06', theme: 'space', count: 1, ids: ['late'] },
      ],
      themes: ['space'],
    })!;
    expect(yearly.unit).toBe('year');
    expect(yearly.columns).toHaveLength(15);
    expect(yearly.cells.map((cell) => [cell.period, cell.count, cell.href])).toEqual([
      ['2001', 2, '/briefings?theme=space&from=2001-01-01&to=2001-12-31'],
      ['2015', 1, '/briefings?theme=space&from=2015-01-01&to=2015-12-31'],
    ]);
  });

  it('names months for people', () => {
    expect(monthLabel('2023-09')).toBe('Sep 2023');
  });
});
