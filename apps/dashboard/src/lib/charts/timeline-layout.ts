import { effectiveEnd, themeLabel, type EventDate, type ThemeId } from '@briefing/schema';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, curveStepAfter } from 'd3-shape';
import { utcDay, utcMonth, utcYear } from 'd3-time';
import { countByYear, type MonthCount } from './period-counts.js';
import { monthStartDate, parseIsoDate } from './utc-date.js';

/** What the timeline needs of a record. */
export interface TimelineItem {
  id: string;
  title: string;
  themes: readonly ThemeId[];
  date: EventDate;
  /** The date as readers see it, e.g. "18–19 Oct 2023". */
  dateLabel: string;
}

export interface TimelineLane {
  theme: ThemeId;
  label: string;
  y: number;
  height: number;
}

export interface TimelineMark {
  id: string;
  title: string;
  dateLabel: string;
  theme: ThemeId;
  /** point: one known day; span: a range of known days; imprecise: known to the month or year. */
  kind: 'point' | 'span' | 'imprecise';
  x: number;
  width: number;
  y: number;
}

export interface TimelineTick {
  x: number;
  label: string;
  major: boolean;
}

export interface TimelineLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  lanes: TimelineLane[];
  marks: TimelineMark[];
  ticks: TimelineTick[];
}

export const ROW_HEIGHT = 14;
const MARK_GAP = 3;
const POINT_WIDTH = 8;
const MARGIN = { top: 8, right: 16, bottom: 28, left: 168 };
/** Tenths of a pixel are plenty, and keep the SVG small. */
const tenth = (value: number): number => Math.round(value * 10) / 10;
const MONTH_ABBREVIATIONS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** The date domain of some records, widened to whole months. */
export function timelineDomain(items: readonly { date: EventDate }[]): [Date, Date] | undefined {
  if (items.length === 0) return undefined;
  let min = items[0]!.date.start;
  let max = effectiveEnd(items[0]!.date);
  for (const { date } of items) {
    if (date.start < min) min = date.start;
    const end = effectiveEnd(date);
    if (end > max) max = end;
  }
  return [utcMonth.floor(parseIsoDate(min)), utcMonth.ceil(utcDay.offset(parseIsoDate(max), 1))];
}

function timeScale(domain: [Date, Date], width: number) {
  return scaleUtc()
    .domain(domain)
    .range([MARGIN.left, width - MARGIN.right]);
}

function ticksFor(x: ReturnType<typeof timeScale>, width: number): TimelineTick[] {
  const count = Math.max(2, Math.floor((width - MARGIN.left - MARGIN.right) / 70));
  return x.ticks(count).map((tick, index) => {
    const major = tick.getUTCMonth() === 0;
    const month = MONTH_ABBREVIATIONS[tick.getUTCMonth()]!;
    const year = String(tick.getUTCFullYear());
    return {
      x: tenth(x(tick)),
      major,
      // The first tick names its year too: "Jul 2023", not a bare "Jul" before "2024".
      label: major ? year : index === 0 ? `${month} ${year}` : month,
    };
  });
}

/**
 * One mark per record and theme, in a lane per theme: a record with several themes appears in
 * each of its themes' lanes. Marks that would overlap are stacked in extra rows of the lane.
 */
export function layoutTimeline({
  items,
  themes,
  width,
}: {
  items: readonly TimelineItem[];
  themes: readonly ThemeId[];
  width: number;
}): TimelineLayout | undefined {
  const domain = timelineDomain(items);
  if (domain === undefined) return undefined;
  const x = timeScale(domain, width);
  const lanes: TimelineLane[] = [];
  const marks: TimelineMark[] = [];
  let y = MARGIN.top;

  for (const theme of themes) {
    const placed = items
      .filter((item) => item.themes.includes(theme))
      .map((item) => placeMark(item, theme, x))
      .sort((a, b) => a.x - b.x || a.id.localeCompare(b.id));
    // Greedy interval packing: each mark goes in the first row where it does not overlap.
    const rowEnds: number[] = [];
    for (const mark of placed) {
      let row = rowEnds.findIndex((end) => end + MARK_GAP <= mark.x);
      if (row === -1) row = rowEnds.push(0) - 1;
      rowEnds[row] = mark.x + mark.width;
      marks.push({ ...mark, y: y + row * ROW_HEIGHT + ROW_HEIGHT / 2 });
    }
    const height = Math.max(1, rowEnds.length) * ROW_HEIGHT + 6;
    lanes.push({ theme, label: themeLabel(theme), y, height });
    y += height;
  }

  return {
    width,
    height: y + MARGIN.bottom,
    margin: MARGIN,
    lanes,
    marks,
    ticks: ticksFor(x, width),
  };
}

function placeMark(
  item: TimelineItem,
  theme: ThemeId,
  x: ReturnType<typeof timeScale>,
): Omit<TimelineMark, 'y'> {
  const start = x(parseIsoDate(item.date.start));
  // The end is inclusive: the mark runs to the end of its last day.
  const end = x(utcDay.offset(parseIsoDate(effectiveEnd(item.date)), 1));
  // A range keeps its pill shape however short it is drawn, so it never passes for a single day.
  const kind =
    item.date.precision !== 'day'
      ? 'imprecise'
      : effectiveEnd(item.date) === item.date.start
        ? 'point'
        : 'span';
  const width = Math.max(POINT_WIDTH, end - start);
  const left = kind === 'point' ? (start + end) / 2 - POINT_WIDTH / 2 : start;
  return {
    id: item.id,
    title: item.title,
    dateLabel: item.dateLabel,
    theme,
    kind,
    x: tenth(left),
    width: tenth(width),
  };
}

/** Monthly counts per theme, for timelines with too many records to draw one by one. */
export type DensityInput = MonthCount;

export interface DensityLane extends TimelineLane {
  path: string;
  max: number;
}

export interface DensityLayout {
  width: number;
  height: number;
  margin: TimelineLayout['margin'];
  lanes: DensityLane[];
  ticks: TimelineTick[];
}

const DENSITY_LANE_HEIGHT = 34;

/**
 * A step area per theme lane (d3-shape), each month's height its count of records; past
 * `maxMonths` months, each year's (a month would be thinner than a pixel or two).
 */
export function layoutDensity({
  cells: monthCells,
  themes,
  width,
  maxMonths = 120,
}: {
  cells: readonly DensityInput[];
  themes: readonly ThemeId[];
  width: number;
  maxMonths?: number;
}): DensityLayout | undefined {
  if (monthCells.length === 0) return undefined;
  const months = monthCells.map((cell) => cell.month).sort();
  const first = monthStartDate(months[0]!);
  const last = utcMonth.offset(monthStartDate(months[months.length - 1]!), 1);
  const yearly = utcMonth.count(first, last) > maxMonths;
  const interval = yearly ? utcYear : utcMonth;
  const periodKey = (date: Date) => date.toISOString().slice(0, yearly ? 4 : 7);
  const cells = yearly
    ? countByYear(monthCells)
    : monthCells.map(({ month, theme, count }) => ({ period: month, theme, count }));
  const start = interval.floor(first);
  const end = interval.ceil(last);
  const x = timeScale([start, end], width);
  const max = Math.max(...cells.map((cell) => cell.count));
  const lanes: DensityLane[] = [];
  let y = MARGIN.top;
  for (const theme of themes) {
    const counts = new Map(
      cells.filter((cell) => cell.theme === theme).map((cell) => [cell.period, cell.count]),
    );
    const laneY = y;
    const height = scaleLinear()
      .domain([0, max])
      .range([0, DENSITY_LANE_HEIGHT - 4]);
    // One step per period, plus a closing point at the end so the last step has a width.
    const steps = interval.range(start, interval.offset(end, 1)).map((period) => ({
      period,
      count: counts.get(periodKey(period)) ?? 0,
    }));
    const path =
      area<{ period: Date; count: number }>()
        .curve(curveStepAfter)
        .x((d) => tenth(x(d.period)))
        .y0(laneY + DENSITY_LANE_HEIGHT)
        .y1((d) => tenth(laneY + DENSITY_LANE_HEIGHT - height(d.count)))(steps) ?? '';
    lanes.push({
      theme,
      label: themeLabel(theme),
      y: laneY,
      height: DENSITY_LANE_HEIGHT,
      path,
      max: Math.max(0, ...counts.values()),
    });
    y += DENSITY_LANE_HEIGHT + 4;
  }
  return { width, height: y + MARGIN.bottom, margin: MARGIN, lanes, ticks: ticksFor(x, width) };
}
