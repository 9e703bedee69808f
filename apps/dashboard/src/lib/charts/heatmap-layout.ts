import { monthsBetween, themeLabel, type CountUnit, type ThemeId } from '@briefing/schema';
import { scaleBand, scaleSequential } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import { listHref } from '../list-url.js';
import type { Counted, PeriodCounts } from './period-counts.js';
import { monthBounds } from './utc-date.js';

export interface HeatmapCell {
  /** "YYYY-MM", or "YYYY" when the grid counts years. */
  period: string;
  periodLabel: string;
  theme: ThemeId;
  themeLabel: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  /** Text colour with enough contrast on `fill`. */
  ink: 'light' | 'dark';
  href: string;
}

/** A text label of the grid (12 px or more as drawn). */
export interface HeatmapLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** Written upwards (theme names over narrow columns). */
  vertical?: boolean;
  strong?: boolean;
}

export interface HeatmapLayout {
  width: number;
  height: number;
  /** Periods down and themes across (a phone), instead of themes down and periods across. */
  compact: boolean;
  unit: 'month' | 'year';
  /** Every period of the grid, in order (empty ones too). */
  periods: string[];
  labels: HeatmapLabel[];
  /** The background of each theme's row (or column). */
  bands: { x: number; y: number; width: number; height: number }[];
  cells: HeatmapCell[];
  /** Whether counts are written in the cells (they are big enough). */
  showCounts: boolean;
  max: number;
  legend: { count: number; fill: string }[];
}

const MONTH_ABBREVIATIONS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
/** Advance of a 12 px character, rounded up (see time-ticks). */
const CHAR = 7;

/** "2023-09" → "Sep 2023". */
export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split('-');
  return `${MONTH_ABBREVIATIONS[Number(monthNumber) - 1]} ${year}`;
}

/**
 * A theme × period grid: every month (or year) between the first and last counted, empty ones
 * too, each non-empty cell coloured by its count and linking to the list filtered to it. Months
 * when they fit the width at `minCell` pixels or more (`maxMonths` at most), else years, so that
 * 25 years stay readable. Wide: themes down, periods across. `compact` (a phone): periods down,
 * themes across with their names written upwards.
 */
export function layoutHeatmap({
  counts,
  themes,
  width = 960,
  compact = false,
  maxMonths = compact ? 36 : 120,
  minCell = 16,
  count,
}: {
  counts: PeriodCounts;
  themes: readonly ThemeId[];
  /** What the cells count, so that each links to the list counting the same. */
  count?: CountUnit;
  width?: number;
  compact?: boolean;
  maxMonths?: number;
  minCell?: number;
}): HeatmapLayout | undefined {
  if (counts.months.length === 0) return undefined;
  const sortedMonths = counts.months.map((cell) => cell.period).sort();
  const allMonths = monthsBetween({
    start: `${sortedMonths[0]}-01`,
    end: `${sortedMonths[sortedMonths.length - 1]}-01`,
  });
  const wideRoom = width - 168 - 8;
  const unit =
    allMonths.length > maxMonths || (!compact && allMonths.length * minCell > wideRoom)
      ? 'year'
      : 'month';
  const counted: Counted[] = unit === 'month' ? counts.months : counts.years;
  const periods =
    unit === 'month' ? allMonths : [...new Set(allMonths.map((month) => month.slice(0, 4)))];
  const periodText = (period: string) => (unit === 'month' ? monthLabel(period) : period);
  const max = Math.max(1, ...counted.map((cell) => cell.count));
  // Start the ramp at 0.2: a count of one must stay visible against the page.
  const colour = scaleSequential((t: number) => interpolateBlues(0.2 + 0.8 * t)).domain([0, max]);

  const labels: HeatmapLabel[] = [];
  let bands: HeatmapLayout['bands'];
  let place: (period: string, theme: ThemeId) => { x: number; y: number };
  let cellWidth: number;
  let cellHeight: number;
  let height: number;

  if (!compact) {
    const left = 168;
    const top = 34;
    const size = Math.min(unit === 'year' ? 40 : 28, Math.floor(wideRoom / periods.length));
    const x = band(periods, left, size);
    const y = band(themes, top, 26);
    cellWidth = x.bandwidth();
    cellHeight = y.bandwidth();
    height = top + themes.length * 26 + 4;
    place = (period, theme) => ({ x: x(period)!, y: y(theme)! });
    bands = themes.map((theme) => ({
      x: left,
      y: y(theme)!,
      width: periods.length * size - (size - cellWidth),
      height: cellHeight,
    }));
    for (const theme of themes) {
      labels.push({
        text: themeLabel(theme),
        x: left - 8,
        y: y(theme)! + cellHeight / 2 + 4,
        anchor: 'end',
      });
    }
    // Month names where they fit under their year; a year over its first column.
    const every = unit === 'year' ? 0 : size >= 24 ? 1 : size * 3 >= 26 ? 3 : 12;
    let lastYearEnd = -Infinity;
    periods.forEach((period, index) => {
      const cx = x(period)!;
      const year = period.slice(0, 4);
      if (unit === 'year') {
        if (cx >= lastYearEnd + 6) {
          labels.push({ text: year, x: cx + cellWidth / 2, y: 26, anchor: 'middle', strong: true });
          lastYearEnd = cx + cellWidth / 2 + (year.length * CHAR) / 2;
        }
        return;
      }
      const monthNumber = Number(period.slice(5));
      if ((index === 0 || monthNumber === 1) && cx >= lastYearEnd + 6) {
        labels.push({ text: year, x: cx, y: 12, anchor: 'start', strong: true });
        lastYearEnd = cx + year.length * CHAR * 1.1;
      }
      if (every > 0 && (monthNumber - 1) % every === 0) {
        labels.push({
          text: MONTH_ABBREVIATIONS[monthNumber - 1]!,
          x: cx + cellWidth / 2,
          y: 28,
          anchor: 'middle',
        });
      }
    });
    width = left + periods.length * size + 8;
  } else {
    const left = unit === 'month' ? 68 : 44;
    const longest = Math.max(...themes.map((theme) => themeLabel(theme).length));
    const top = longest * CHAR + 12;
    const columnWidth = Math.floor((width - left - 8) / themes.length);
    const rowHeight = 22;
    const x = band(themes, left, columnWidth);
    const y = band(periods, top, rowHeight);
    cellWidth = x.bandwidth();
    cellHeight = y.bandwidth();
    height = top + periods.length * rowHeight + 4;
    place = (period, theme) => ({ x: x(theme)!, y: y(period)! });
    bands = themes.map((theme) => ({
      x: x(theme)!,
      y: top,
      width: cellWidth,
      height: periods.length * rowHeight - (rowHeight - cellHeight),
    }));
    for (const theme of themes) {
      labels.push({
        text: themeLabel(theme),
        x: x(theme)! + cellWidth / 2 + 4,
        y: top - 6,
        anchor: 'start',
        vertical: true,
      });
    }
    periods.forEach((period, index) => {
      const monthNumber = unit === 'month' ? Number(period.slice(5)) : 1;
      labels.push({
        text:
          unit === 'year' || index === 0 || monthNumber === 1
            ? periodText(period)
            : MONTH_ABBREVIATIONS[monthNumber - 1]!,
        x: left - 6,
        y: y(period)! + cellHeight / 2 + 4,
        anchor: 'end',
        strong: unit === 'year' || index === 0 || monthNumber === 1,
      });
    });
  }

  return {
    width,
    height,
    compact,
    unit,
    periods,
    labels,
    bands,
    showCounts: cellWidth >= 18 && cellHeight >= 16,
    cells: counted
      .filter((cell) => cell.count > 0 && themes.includes(cell.theme))
      .map((cell) => ({
        period: cell.period,
        periodLabel: periodText(cell.period),
        theme: cell.theme,
        themeLabel: themeLabel(cell.theme),
        count: cell.count,
        ...place(cell.period, cell.theme),
        width: cellWidth,
        height: cellHeight,
        fill: colour(cell.count),
        ink: cell.count / max > 0.65 ? ('light' as const) : ('dark' as const),
        href: listHref({
          query: {
            themes: [cell.theme],
            ...(unit === 'month'
              ? monthBounds(cell.period)
              : { from: `${cell.period}-01-01`, to: `${cell.period}-12-31` }),
          },
          ...(count === undefined ? {} : { count }),
        }),
      })),
    max,
    legend: legendSteps(max).map((count) => ({ count, fill: colour(count) })),
  };
}

/** A band scale of `size` pixels a step from `start`, with a small gap between bands. */
function band<T extends string>(domain: readonly T[], start: number, size: number) {
  return scaleBand<T>()
    .domain(domain)
    .range([start, start + domain.length * size])
    .paddingInner(0.08)
    .round(true);
}

function legendSteps(max: number): number[] {
  if (max <= 5) return Array.from({ length: max }, (_, index) => index + 1);
  return [1, Math.round(max / 4), Math.round(max / 2), Math.round((3 * max) / 4), max].filter(
    (value, index, all) => all.indexOf(value) === index,
  );
}
