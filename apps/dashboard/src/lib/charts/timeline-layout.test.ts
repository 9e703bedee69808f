import { makeBriefing } from '@briefing/schema/testing';
import { formatDateRange, type EventDate } from '@briefing/schema';
import { describe, expect, it } from 'vitest';
import { fitLabel, layoutDensity, layoutTimeline, type TimelineItem } from './timeline-layout.js';
import { CHAR_WIDTH } from './time-ticks.js';
import { periodCounts } from './period-counts.js';

const item = (id: string, date: EventDate, themes: TimelineItem['themes'] = ['diplomacy']) => ({
  id,
  title: id,
  themes,
  date,
  dateLabel: formatDateRange(date),
});

describe('layoutTimeline', () => {
  const items = [
    item('one-day', { start: '2023-09-13', precision: 'day' }, ['diplomacy', 'space']),
    item('two-days', { start: '2023-10-18', end: '2023-10-19', precision: 'day' }),
    item('long', { start: '2024-10-24', end: '2024-11-11', precision: 'day' }),
    item('month', { start: '2024-02-01', precision: 'month' }),
    item('same-day', { start: '2023-09-13', precision: 'day' }),
  ];
  const layout = layoutTimeline({ items, themes: ['diplomacy', 'space'], width: 1000 })!;

  it('draws a mark for each record in each of its themes', () => {
    expect(layout.marks.map((mark) => `${mark.id}/${mark.theme}`).sort()).toEqual([
      'long/diplomacy',
      'month/diplomacy',
      'one-day/diplomacy',
      'one-day/space',
      'same-day/diplomacy',
      'two-days/diplomacy',
    ]);
  });

  it('tells single days, ranges and imprecise dates apart', () => {
    const kind = (id: string) => layout.marks.find((mark) => mark.id === id)!.kind;
    expect(kind('one-day')).toBe('point');
    expect(kind('long')).toBe('span');
    expect(kind('two-days')).toBe('span');
    expect(kind('month')).toBe('imprecise');
  });

  it('places marks in date order and longer ranges wider', () => {
    const mark = (id: string) => layout.marks.find((m) => m.id === id && m.theme === 'diplomacy')!;
    expect(mark('one-day').x).toBeLessThan(mark('two-days').x);
    expect(mark('two-days').x).toBeLessThan(mark('month').x);
    expect(mark('month').x).toBeLessThan(mark('long').x);
    expect(mark('month').width).toBeGreaterThan(mark('two-days').width);
  });

  it('keeps a short range that begins in the last days within the plot', () => {
    const late = [
      item('early', { start: '2000-02-09', precision: 'day' }),
      item('late-visit', { start: '2025-12-26', end: '2025-12-28', precision: 'day' }),
    ];
    for (const compact of [true, false]) {
      const drawn = layoutTimeline({ items: late, themes: ['diplomacy'], width: 340, compact })!;
      const visit = drawn.marks.find((mark) => mark.id === 'late-visit')!;
      expect(visit.x + visit.width).toBeLessThanOrEqual(drawn.width - drawn.margin.right);
      // Still drawn where it is: after the last tick, a year or more before it.
      const lastTick = drawn.ticks.at(-1)!;
      expect(Number(lastTick.label)).toBeLessThanOrEqual(2025);
      expect(visit.x).toBeGreaterThan(lastTick.x);
    }
  });

  it('stacks marks that would overlap in separate rows of the lane', () => {
    const a = layout.marks.find((m) => m.id === 'one-day' && m.theme === 'diplomacy')!;
    const b = layout.marks.find((m) => m.id === 'same-day')!;
    expect(a.y).not.toBe(b.y);
    const diplomacy = layout.lanes.find((lane) => lane.theme === 'diplomacy')!;
    for (const mark of layout.marks.filter((m) => m.theme === 'diplomacy')) {
      expect(mark.y).toBeGreaterThan(diplomacy.y);
      expect(mark.y).toBeLessThan(diplomacy.y + diplomacy.height);
    }
  });

  it('keeps every mark inside the plot', () => {
    for (const mark of layout.marks) {
      expect(mark.x).toBeGreaterThanOrEqual(layout.margin.left - 4);
      expect(mark.x + mark.width).toBeLessThanOrEqual(layout.width - layout.margin.right + 4);
    }
  });

  it('labels January ticks with the year, and the first tick with its year too', () => {
    expect(layout.ticks.filter((tick) => tick.major).map((tick) => tick.label)).toContain('2024');
    expect(layout.ticks[0]!.label).toMatch(/^(?:[A-Z][a-z]{2} )?\d{4}$/);
  });

  it('returns nothing for no records', () => {
    expect(layoutTimeline({ items: [], themes: ['space'], width: 800 })).toBeUndefined();
  });

  it('accepts the shared record fixture', () => {
    const record = makeBriefing();
    const single = layoutTimeline({
      items: [item(record.id, record.date, record.themes)],
      themes: record.themes,
      width: 800,
    })!;
    expect(single.marks).toHaveLength(1);
    expect(single.marks[0]!.kind).toBe('span');
  });
});

describe('layoutDensity', () => {
  it('draws one area per theme lane, spanning the months', () => {
    const layout = layoutDensity({
      counts: periodCounts([
        { month: '2023-01', theme: 'space', count: 3, ids: ['a', 'b', 'c'] },
        { month: '2023-06', theme: 'space', count: 1, ids: ['d'] },
        { month: '2023-03', theme: 'defense', count: 2, ids: ['e', 'f'] },
      ]),
      themes: ['space', 'defense'],
      width: 900,
    })!;
    expect(layout.lanes.map((lane) => [lane.theme, lane.max])).toEqual([
      ['space', 3],
      ['defense', 2],
    ]);
    for (const lane of layout.lanes) expect(lane.path).toMatch(/^M[\d.]+,[\d.]+/);
  });

  it('steps by year over long ranges, counting a record once a year', () => {
    const layout = layoutDensity({
      counts: periodCounts([
        { month: '2001-01', theme: 'space', count: 1, ids: ['long'] },
        { month: '2001-02', theme: 'space', count: 2, ids: ['long', 'short'] },
        { month: '2020-06', theme: 'space', count: 1, ids: ['late'] },
      ]),
      themes: ['space'],
      width: 900,
    })!;
    expect(layout.lanes[0]!.max).toBe(2);
    // About 20 yearly steps, top and bottom: far fewer points than 20 × 12 monthly steps.
    expect(layout.lanes[0]!.path.split(/[ML]/).length).toBeLessThan(100);
  });
});

describe('layoutTimeline at every span', () => {
  const spans = [
    ['a day', [{ start: '2023-09-13', precision: 'day' }]],
    [
      'a month',
      [
        { start: '2023-09-10', precision: 'day' },
        { start: '2023-09-13', end: '2023-09-17', precision: 'day' },
      ],
    ],
    [
      '25 years',
      [
        { start: '2000-07-19', end: '2000-07-20', precision: 'day' },
        { start: '2011-08-24', precision: 'day' },
        { start: '2026-03-01', precision: 'month' },
      ],
    ],
  ] as const;

  it.each(spans)('over %s: unique ticks, marks and labels inside the width', (_, dates) => {
    const items = dates.map((date, index) =>
      item(`a-rather-long-record-title-number-${index}`, date as EventDate),
    );
    for (const [width, compact] of [
      [960, false],
      [340, true],
    ] as const) {
      const layout = layoutTimeline({ items, themes: ['diplomacy'], width, compact })!;
      const labels = layout.ticks.map((tick) => tick.label);
      expect(new Set(labels).size).toBe(labels.length);
      for (const mark of layout.marks) {
        expect(mark.x).toBeGreaterThanOrEqual(0);
        expect(mark.x + mark.width).toBeLessThanOrEqual(width);
        if (mark.label !== undefined && mark.labelSide === 'right') {
          expect(mark.x + mark.width + 4 + mark.label.length * 7).toBeLessThanOrEqual(width);
        }
        if (mark.label !== undefined && mark.labelSide === 'left') {
          expect(mark.x - 4 - mark.label.length * 7).toBeGreaterThanOrEqual(0);
        }
        expect(mark.card.x).toBeGreaterThanOrEqual(0);
        expect(mark.card.x + mark.card.width).toBeLessThanOrEqual(width);
      }
    }
  });

  it('writes titles beside marks where they fit, shortened with an ellipsis', () => {
    const items = [
      item('Kim and Putin meet at the Vostochny Cosmodrome', {
        start: '2023-09-13',
        precision: 'day',
      }),
      item('Short', { start: '2024-06-19', precision: 'day' }),
    ];
    const layout = layoutTimeline({ items, themes: ['diplomacy'], width: 960 })!;
    expect(layout.marks[0]!.label).toMatch(/^Kim and Putin meet at the Vostochny/);
    expect(layout.marks[1]!.label).toBe('Short');
    const compact = layoutTimeline({ items, themes: ['diplomacy'], width: 340, compact: true })!;
    expect(compact.marks[0]!.label).toMatch(/…$/);
  });

  it('marks each record once as the keyboard stop, whatever its number of themes', () => {
    const layout = layoutTimeline({
      items: [item('both', { start: '2023-09-13', precision: 'day' }, ['diplomacy', 'space'])],
      themes: ['diplomacy', 'space'],
      width: 960,
    })!;
    expect(layout.marks.map((mark) => [mark.theme, mark.primary])).toEqual([
      ['diplomacy', true],
      ['space', false],
    ]);
  });
});

describe('fitLabel', () => {
  const room = (chars: number) => chars * CHAR_WIDTH;

  it('keeps a title that fits, and gives no label where fewer than 8 characters would show', () => {
    expect(fitLabel('Lavrov visits Pyongyang', room(30))).toBe('Lavrov visits Pyongyang');
    expect(fitLabel('Lavrov visits Pyongyang', room(7))).toBeUndefined();
  });

  it('cuts after a whole word, or gives no label rather than a cut word (see cutAfterWord)', () => {
    const title = 'Kim Jong Il receives Moscow Mayor Yury Luzhkov in Pyongyang';
    expect(fitLabel(title, room(19))).toBe('Kim Jong Il…');
    expect(fitLabel('Vice-Premier Jo Chang Dok leads a delegation', room(9))).toBeUndefined();
  });
});
