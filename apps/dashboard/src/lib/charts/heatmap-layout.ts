import { monthsBetween, themeLabel, type ThemeId } from '@briefing/schema';
import { scaleBand, scaleSequential } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import { listHref } from '../list-url.js';
import { countByYear, type Counted, type MonthCount } from './period-counts.js';
import { monthBounds } from './utc-date.js';

export type HeatmapInput = MonthCount;

export interface HeatmapCell {
  /** "YYYY-MM", or "YYYY" when the grid counts years. */
  period: string;
  periodLabel: string;
  theme: ThemeId;
  themeLabel: string;
  count: number;
  x: number;
  y: number;
  size: number;
  fill: string;
  /** Text colour with enough contrast on `fill`. */
  ink: 'light' | 'dark';
  href: string;
}

export interface HeatmapColumn {
  period: string;
  x: number;
  /** A month abbreviation, shown where there is room (empty when columns are years). */
  label: string;
  /** The year, on each January, the first column, and every column of a yearly grid. */
  year?: string;
}

export interface HeatmapLayout {
  width: number;
  height: number;
  cellSize: number;
  left: number;
  top: number;
  rows: { theme: ThemeId; label: string; y: number }[];
  columns: HeatmapColumn[];
  cells: HeatmapCell[];
  max: number;
  legend: { count: number; fill: string }[];
  unit: 'month' | 'year';
}

const LEFT = 168;
const TOP = 34;
const MONTH_ABBREVIATIONS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** "2023-09" → "Sep 2023". */
export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split('-');
  return `${MONTH_ABBREVIATIONS[Number(monthNumber) - 1]} ${year}`;
}

/**
 * A theme × month grid: every month between the first and last counted (empty months too),
 * each non-empty cell coloured by its count and linking to the list filtered to it. Past
 * `maxColumns` months the grid counts years instead, so that it stays readable (and light).
 */
export function layoutHeatmap({
  cells: monthCells,
  themes,
  cellSize = 24,
  maxColumns = 120,
}: {
  cells: readonly HeatmapInput[];
  themes: readonly ThemeId[];
  cellSize?: number;
  maxColumns?: number;
}): HeatmapLayout | undefined {
  if (monthCells.length === 0) return undefined;
  const sortedMonths = monthCells.map((cell) => cell.month).sort();
  const allMonths = monthsBetween({
    start: `${sortedMonths[0]}-01`,
    end: `${sortedMonths[sortedMonths.length - 1]}-01`,
  });
  const unit = allMonths.length > maxColumns ? 'year' : 'month';
  const cells: Counted[] =
    unit === 'month'
      ? monthCells.map(({ month, theme, count }) => ({ period: month, theme, count }))
      : countByYear(monthCells);
  const periods =
    unit === 'month' ? allMonths : [...new Set(allMonths.map((month) => month.slice(0, 4)))];
  const x = scaleBand<string>()
    .domain(periods)
    .range([LEFT, LEFT + periods.length * cellSize])
    .paddingInner(0.08)
    .round(true);
  const y = scaleBand<ThemeId>()
    .domain(themes)
    .range([TOP, TOP + themes.length * cellSize])
    .paddingInner(0.08)
    .round(true);
  const max = Math.max(1, ...cells.map((cell) => cell.count));
  // Start the ramp at 0.2: a count of one must stay visible against the page.
  const colour = scaleSequential((t: number) => interpolateBlues(0.2 + 0.8 * t)).domain([0, max]);
  const showEveryMonth = cellSize >= 22;

  return {
    width: LEFT + periods.length * cellSize + 8,
    height: TOP + themes.length * cellSize + 4,
    cellSize: x.bandwidth(),
    left: LEFT,
    top: TOP,
    rows: themes.map((theme) => ({ theme, label: themeLabel(theme), y: y(theme)! })),
    columns: periods.map((period, index) => {
      if (unit === 'year') return { period, x: x(period)!, label: '', year: period };
      const monthNumber = Number(period.slice(5));
      return {
        period,
        x: x(period)!,
        label: showEveryMonth || monthNumber % 3 === 1 ? MONTH_ABBREVIATIONS[monthNumber - 1]! : '',
        ...(index === 0 || monthNumber === 1 ? { year: period.slice(0, 4) } : {}),
      };
    }),
    cells: cells
      .filter((cell) => cell.count > 0 && themes.includes(cell.theme))
      .map((cell) => ({
        period: cell.period,
        periodLabel: unit === 'month' ? monthLabel(cell.period) : cell.period,
        theme: cell.theme,
        themeLabel: themeLabel(cell.theme),
        count: cell.count,
        x: x(cell.period)!,
        y: y(cell.theme)!,
        size: x.bandwidth(),
        fill: colour(cell.count),
        ink: cell.count / max > 0.65 ? 'light' : 'dark',
        href: listHref({
          query: {
            themes: [cell.theme],
            ...(unit === 'month'
              ? monthBounds(cell.period)
              : { from: `${cell.period}-01-01`, to: `${cell.period}-12-31` }),
          },
        }),
      })),
    max,
    legend: legendSteps(max).map((count) => ({ count, fill: colour(count) })),
    unit,
  };
}

function legendSteps(max: number): number[] {
  if (max <= 5) return Array.from({ length: max }, (_, index) => index + 1);
  return [1, Math.round(max / 4), Math.round(max / 2), Math.round((3 * max) / 4), max].filter(
    (value, index, all) => all.indexOf(value) === index,
  );
}
