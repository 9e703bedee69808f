import { scaleUtc } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { labelWidth, tickLabels, timeTicks } from './time-ticks.js';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

function ticks(from: string, to: string, width: number) {
  const domain = [utc(from), utc(to)] as const;
  const scale = scaleUtc().domain(domain).range([0, width]);
  return timeTicks({ domain, scale, range: [0, width] });
}

describe('timeTicks', () => {
  it.each([
    ['one month', '2023-09-01', '2023-10-01'],
    ['three months', '2024-03-01', '2024-06-01'],
    ['two years and a bit', '2023-07-01', '2025-11-01'],
    ['a year across new year', '2023-11-01', '2024-11-01'],
    ['25 years', '2000-01-01', '2026-12-01'],
    ['a century', '1925-01-01', '2026-01-01'],
  ])('never repeats a label and never overlaps labels over %s', (_, from, to) => {
    for (const width of [280, 324, 500, 776, 1200]) {
      const axis = ticks(from, to, width);
      const labels = axis.map((tick) => tick.label);
      expect(new Set(labels).size, `${labels.join(', ')} at ${width}`).toBe(labels.length);
      expect(axis.length, `${from}–${to} at ${width}`).toBeGreaterThanOrEqual(2);
      const extents = axis.map((tick) => {
        const w = labelWidth(tick.label, tick.major);
        const left =
          tick.anchor === 'start' ? tick.x : tick.anchor === 'end' ? tick.x - w : tick.x - w / 2;
        return [left, left + w] as const;
      });
      extents.forEach(([left, right], index) => {
        expect(left).toBeGreaterThanOrEqual(-0.5);
        expect(right).toBeLessThanOrEqual(width + 0.5);
        if (index > 0) expect(left).toBeGreaterThan(extents[index - 1]![1]);
      });
    }
  });

  it('labels days of a one-month span with day and month, the first with its year', () => {
    const labels = ticks('2023-09-01', '2023-10-01', 776).map((tick) => tick.label);
    expect(labels[0]).toBe('1 Sep 2023');
    expect(labels).toContain('15 Sep');
  });

  it('labels months, January as its year, on a span of months', () => {
    const labels = ticks('2023-10-01', '2024-04-01', 776).map((tick) => tick.label);
    expect(labels).toEqual(['Oct 2023', 'Nov', 'Dec', '2024', 'Feb', 'Mar', 'Apr']);
  });

  it('labels years (or decades) on a span of decades', () => {
    const labels = ticks('2000-01-01', '2026-12-01', 300).map((tick) => tick.label);
    expect(labels.every((label) => /^\d{4}$/.test(label))).toBe(true);
  });
});

describe('tickLabels', () => {
  it('gives month ticks their year when a month name would come twice', () => {
    const dates = ['2023-07-01', '2023-10-01', '2024-01-01', '2024-07-01', '2024-10-01'].map(utc);
    expect(tickLabels({ dates, unit: 'month' })).toEqual([
      'Jul 2023',
      'Oct 2023',
      '2024',
      'Jul 2024',
      'Oct 2024',
    ]);
  });
});
