import { describe, expect, it } from 'vitest';
import { layoutHeatmap, monthLabel } from './heatmap-layout.js';
import { periodCounts } from './period-counts.js';

describe('layoutHeatmap', () => {
  const layout = layoutHeatmap({
    counts: periodCounts([
      { month: '2023-09', theme: 'space', count: 3, ids: ['a', 'b', 'c'] },
      { month: '2023-12', theme: 'diplomacy', count: 1, ids: ['d'] },
      { month: '2024-02', theme: 'diplomacy', count: 6, ids: ['e', 'f', 'g', 'h', 'i', 'j'] },
    ]),
    themes: ['diplomacy', 'space'],
  })!;

  it('has a column for every month between the first and the last, empty ones too', () => {
    expect(layout.unit).toBe('month');
    expect(layout.periods).toEqual([
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    const strong = layout.labels.filter((label) => label.strong).map((label) => label.text);
    expect(strong).toEqual(['2023', '2024']);
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
    const space = layout.cells.find((c) => c.theme === 'space')!;
    const diplomacy = layout.cells.filter((c) => c.theme === 'diplomacy');
    expect(space.y).toBeGreaterThan(diplomacy[0]!.y);
    expect(diplomacy.every((cell) => cell.y === diplomacy[0]!.y)).toBe(true);
    expect(space.x).toBeLessThan(diplomacy[0]!.x);
    expect(diplomacy[0]!.x).toBeLessThan(diplomacy[1]!.x);
  });

  it('fits the width, periods down and themes across in the compact layout', () => {
    const compact = layoutHeatmap({
      counts: periodCounts([
        { month: '2023-09', theme: 'space', count: 3, ids: ['a', 'b', 'c'] },
        { month: '2024-02', theme: 'diplomacy', count: 6, ids: ['e', 'f', 'g', 'h', 'i', 'j'] },
      ]),
      themes: ['diplomacy', 'space'],
      width: 340,
      compact: true,
    })!;
    expect(compact.width).toBe(340);
    for (const cell of compact.cells) expect(cell.x + cell.width).toBeLessThanOrEqual(340);
    const space = compact.cells.find((c) => c.theme === 'space')!;
    const diplomacy = compact.cells.find((c) => c.theme === 'diplomacy')!;
    expect(space.y).toBeLessThan(diplomacy.y);
    expect(space.x).toBeGreaterThan(diplomacy.x);
    expect(compact.labels.filter((label) => label.vertical).map((l) => l.text)).toEqual([
      'Diplomacy',
      'Space',
    ]);
  });

  it.each([
    ['wide', 960, false],
    ['compact', 340, true],
  ] as const)(
    'keeps 25 years readable in the %s layout: years, inside the width',
    (_, width, compact) => {
      const cells = Array.from({ length: 26 }, (_, index) => ({
        month: `${2000 + index}-03`,
        theme: 'diplomacy' as const,
        count: 1,
        ids: [`r${index}`],
      }));
      const grid = layoutHeatmap({
        counts: periodCounts(cells),
        themes: ['diplomacy', 'space'],
        width,
        compact,
      })!;
      expect(grid.unit).toBe('year');
      expect(grid.width).toBeLessThanOrEqual(width);
      expect(grid.showCounts).toBe(true);
      const texts = grid.labels.map((label) => label.text);
      expect(new Set(texts).size).toBe(texts.length);
    },
  );

  it('counts years instead of months for long ranges, each record once per year', () => {
    const yearly = layoutHeatmap({
      counts: periodCounts([
        { month: '2001-01', theme: 'space', count: 1, ids: ['long'] },
        { month: '2001-02', theme: 'space', count: 2, ids: ['long', 'short'] },
        { month: '2015-06', theme: 'space', count: 1, ids: ['late'] },
      ]),
      themes: ['space'],
    })!;
    expect(yearly.unit).toBe('year');
    expect(yearly.periods).toHaveLength(15);
    expect(yearly.cells.map((cell) => [cell.period, cell.count, cell.href])).toEqual([
      ['2001', 2, '/briefings?theme=space&from=2001-01-01&to=2001-12-31'],
      ['2015', 1, '/briefings?theme=space&from=2015-01-01&to=2015-12-31'],
    ]);
  });

  it('names months for people', () => {
    expect(monthLabel('2023-09')).toBe('Sep 2023');
  });
});
