import { monthsBetween, themeLabel, type ThemeId } from '@briefing/schema';
import { scaleBand, scaleSequential } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import { listHref } from '../list-url.js';
import { monthBounds } from './utc-date.js';

export interface HeatmapInput {
  month: string;
  theme: ThemeId;
  count: number;
}

export interface HeatmapCell {
  month: string;
  monthLabel: string;
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
  month: string;
  x: number;
  /** A month abbreviation, shown where there is room. */
  label: string;
  /** The year, on each January and on the first column. */
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
 * each non-empty cell coloured by its count and linking to the list filtered to it.
 */
export function layoutHeatmap({
  cells,
  themes,
  cellSize = 24,
}: {
  cells: readonly HeatmapInput[];
  themes: readonly ThemeId[];
  cellSize?: number;
}): HeatmapLayout | undefined {
  if (cells.length === 0) return undefined;
  const sortedMonths = cells.map((cell) => cell.month).sort();
  const months = monthsBetween({
    start: `${sortedMonths[0]}-01`,
    end: `${sortedMonths[sortedMonths.length - 1]}-01`,
  });
  const x = scaleBand<string>()
    .domain(months)
    .range([LEFT, LEFT + months.length * cellSize])
    .paddingInner(0.08);
  const y = scaleBand<ThemeId>()
    .domain(themes)
    .range([TOP, TOP + themes.length * cellSize])
    .paddingInner(0.08);
  const max = Math.max(1, ...cells.map((cell) => cell.count));
  // Start the ramp at 0.2: a count of one must stay visible against the page.
  const colour = scaleSequential((t: number) => interpolateBlues(0.2 + 0.8 * t)).domain([0, max]);
  const showEveryMonth = cellSize >= 22;

  return {
    width: LEFT + months.length * cellSize + 8,
    height: TOP + themes.length * cellSize + 4,
    cellSize: x.bandwidth(),
    left: LEFT,
    top: TOP,
    rows: themes.map((theme) => ({ theme, label: themeLabel(theme), y: y(theme)! })),
    columns: months.map((month, index) => {
      const monthNumber = Number(month.slice(5));
      return {
        month,
        x: x(month)!,
        label: showEveryMonth || monthNumber % 3 === 1 ? MONTH_ABBREVIATIONS[monthNumber - 1]! : '',
        ...(index === 0 || monthNumber === 1 ? { year: month.slice(0, 4) } : {}),
      };
    }),
    cells: cells
      .filter((cell) => cell.count > 0 && themes.includes(cell.theme))
      .map((cell) => ({
        month: cell.month,
        monthLabel: monthLabel(cell.month),
        theme: cell.theme,
        themeLabel: themeLabel(cell.theme),
        count: cell.count,
        x: x(cell.month)!,
        y: y(cell.theme)!,
        size: x.bandwidth(),
        fill: colour(cell.count),
        ink: cell.count / max > 0.65 ? 'light' : 'dark',
        href: listHref({ query: { themes: [cell.theme], ...monthBounds(cell.month) } }),
      })),
    max,
    legend: legendSteps(max).map((count) => ({ count, fill: colour(count) })),
  };
}

function legendSteps(max: number): number[] {
  if (max <= 5) return Array.from({ length: max }, (_, index) => index + 1);
  return [1, Math.round(max / 4), Math.round(max / 2), Math.round((3 * max) / 4), max].filter(
    (value, index, all) => all.indexOf(value) === index,
  );
}
