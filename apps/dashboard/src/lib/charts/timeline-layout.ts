import { effectiveEnd, themeLabel, type EventDate, type ThemeId } from '@briefing/schema';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, curveStepAfter } from 'd3-shape';
import { utcDay, utcMonth, utcYear } from 'd3-time';
import type { PeriodCounts } from './period-counts.js';
import { cutAfterWord } from './cut-text.js';
import { CHAR_WIDTH, labelWidth, timeTicks, type TimeTick } from './time-ticks.js';
import { monthStartDate, parseIsoDate } from './utc-date.js';

/** What the timeline needs of a record. */
export interface TimelineItem {
  id: string;
  title: string;
  themes: readonly ThemeId[];
  date: EventDate;
  /** The date as readers see it, e.g. "18–19 Oct 2023". */
  dateLabel: string;
  /** Counting engagements: the engagement's other records (a trip's legs…), by date. */
  legs?: readonly { title: string; dateLabel: string }[];
}

export interface TimelineLane {
  theme: ThemeId;
  label: string;
  y: number;
  height: number;
  /** Where the lane's name is written: left of the lane, or above it in the compact layout. */
  labelAt: { x: number; y: number; anchor: 'start' | 'end' };
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
  /** The title as written beside the mark, shortened to the room there; none when too little. */
  label?: string;
  /** Which side of the mark the label is on: the right, unless the plot ends too soon. */
  labelSide?: 'right' | 'left';
  /** The record's first mark: the one keyboard focus visits (its other themes' marks are skipped). */
  primary: boolean;
  /** The details shown on hover and focus, in the strip above the lanes. */
  card: { x: number; width: number; lines: [string, string] };
}

export type TimelineTick = TimeTick;

export interface TimelineLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  compact: boolean;
  /** The strip above the lanes where a mark's details appear. */
  strip: { y: number; height: number };
  lanes: TimelineLane[];
  marks: TimelineMark[];
  ticks: TimelineTick[];
}

export const ROW_HEIGHT = 20;
const MARK_GAP = 3;
const POINT_WIDTH = 9;
const LABEL_GAP = 4;
/** A lane with more rows than this is packed without labels (then labelled where room is left). */
const MAX_LABELLED_ROWS = 6;
const STRIP_HEIGHT = 44;
const LANE_HEADER = 18;
const WIDE_MARGIN = { top: STRIP_HEIGHT + 6, right: 16, bottom: 28, left: 168 };
const COMPACT_MARGIN = { top: STRIP_HEIGHT + 6, right: 8, bottom: 28, left: 8 };
/** Tenths of a pixel are plenty, and keep the SVG small. */
const tenth = (value: number): number => Math.round(value * 10) / 10;

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

/**
 * The domain with its end moved on, if need be, so that the latest range ends within the plot:
 * a range is drawn at least POINT_WIDTH wide, and one that begins in the last days of the domain
 * ran past the plot's end, as if into a year with no record.
 */
function roomForShortRanges(
  [from, to]: [Date, Date],
  items: readonly { date: EventDate }[],
  plotWidth: number,
): [Date, Date] {
  let latest = from.getTime();
  for (const { date } of items) {
    const point = date.precision === 'day' && effectiveEnd(date) === date.start;
    if (!point) latest = Math.max(latest, parseIsoDate(date.start).getTime());
  }
  const span = latest - from.getTime();
  const needed = from.getTime() + (span * plotWidth) / (plotWidth - POINT_WIDTH);
  return needed > to.getTime() ? [from, utcMonth.ceil(new Date(needed))] : [from, to];
}

function timeScale(domain: [Date, Date], width: number, margin: TimelineLayout['margin']) {
  return scaleUtc()
    .domain(domain)
    .range([margin.left, width - margin.right]);
}

function ticksFor(
  x: ReturnType<typeof timeScale>,
  domain: [Date, Date],
  width: number,
  margin: TimelineLayout['margin'],
): TimelineTick[] {
  return timeTicks({ domain, scale: x, range: [margin.left, width - margin.right] });
}

/**
 * `text` cut to `room` pixels of 12 px text after a whole word, with an ellipsis (see
 * cutAfterWord); undefined when fewer than 8 characters fit, or whole words would leave most of
 * the room empty: the mark keeps its card and its accessible name without a label.
 */
export function fitLabel(text: string, room: number): string | undefined {
  const chars = Math.floor(room / CHAR_WIDTH);
  if (text.length <= chars) return text;
  return chars < 8 ? undefined : cutAfterWord(text, chars);
}

/**
 * One mark per record and theme, in a lane per theme: a record with several themes appears in
 * each of its themes' lanes. Marks that would overlap are stacked in extra rows of the lane, with
 * their titles beside them where that keeps the lane within a few rows. `compact` (a phone) writes
 * each lane's name above it instead of in a left column, so the plot gets the whole width.
 */
export function layoutTimeline({
  items,
  themes,
  width,
  compact = false,
}: {
  items: readonly TimelineItem[];
  themes: readonly ThemeId[];
  width: number;
  compact?: boolean;
}): TimelineLayout | undefined {
  const dates = timelineDomain(items);
  if (dates === undefined) return undefined;
  const margin = compact ? COMPACT_MARGIN : WIDE_MARGIN;
  const domain = roomForShortRanges(dates, items, width - margin.left - margin.right);
  const x = timeScale(domain, width, margin);
  const right = width - margin.right;
  const maxLabel = compact ? 150 : 260;
  const lanes: TimelineLane[] = [];
  const marks: TimelineMark[] = [];
  const seen = new Set<string>();
  let y = margin.top;

  for (const theme of themes) {
    const placed = items
      .filter((item) => item.themes.includes(theme))
      .map((item) => placeMark(item, theme, x))
      .sort((a, b) => a.x - b.x || a.id.localeCompare(b.id));
    const header = compact ? LANE_HEADER : 0;
    const plot = { left: margin.left, right };
    let rows = packLane({ marks: placed, plot, maxLabel, withLabels: true });
    if (rows.count > MAX_LABELLED_ROWS) {
      rows = packLane({ marks: placed, plot, maxLabel, withLabels: false });
    }
    for (const mark of rows.marks) {
      marks.push({
        ...mark,
        y: tenth(y + header + mark.row * ROW_HEIGHT + ROW_HEIGHT / 2),
        primary: !seen.has(mark.id),
        card: detailsCard({ mark, theme, width, margin }),
      });
      seen.add(mark.id);
    }
    const height = header + Math.max(1, rows.count) * ROW_HEIGHT + 6;
    lanes.push({
      theme,
      label: themeLabel(theme),
      y,
      height,
      labelAt: compact
        ? { x: margin.left + 2, y: y + 13, anchor: 'start' }
        : { x: margin.left - 8, y: y + 15, anchor: 'end' },
    });
    y += height;
  }

  return {
    width,
    height: y + margin.bottom,
    margin,
    compact,
    strip: { y: 2, height: STRIP_HEIGHT },
    lanes,
    marks,
    ticks: ticksFor(x, domain, width, margin),
  };
}

type PlacedMark = Omit<TimelineMark, 'y' | 'primary' | 'card' | 'label' | 'labelSide'>;
type PackedMark = PlacedMark & { row: number; label?: string; labelSide?: 'right' | 'left' };

/**
 * Greedy interval packing: each mark goes in the first row where it (with its label, when
 * `withLabels`) does not overlap the row's last mark. Without labels in the packing, a mark is
 * still labelled when the room before the next mark of its row allows.
 */
function packLane({
  marks,
  plot,
  maxLabel,
  withLabels,
}: {
  marks: readonly PlacedMark[];
  plot: { left: number; right: number };
  maxLabel: number;
  withLabels: boolean;
}): { count: number; marks: PackedMark[] } {
  const rowEnds: number[] = [];
  const rowsOf: PackedMark[][] = [];
  for (const mark of marks) {
    const end = mark.x + mark.width;
    let label: string | undefined;
    let side: 'right' | 'left' = 'right';
    if (withLabels) {
      label = fitLabel(mark.title, Math.min(maxLabel, plot.right - end - LABEL_GAP));
      if (label !== mark.title) {
        // Near the end of the plot, the left side may have more room.
        const left = fitLabel(mark.title, Math.min(maxLabel, mark.x - LABEL_GAP - plot.left));
        if (left !== undefined && (label === undefined || left.length > label.length)) {
          label = left;
          side = 'left';
        }
      }
    }
    const start =
      label !== undefined && side === 'left' ? mark.x - LABEL_GAP - labelWidth(label) : mark.x;
    const extent =
      label !== undefined && side === 'right' ? end + LABEL_GAP + labelWidth(label) : end;
    let row = rowEnds.findIndex((rowEnd) => rowEnd + MARK_GAP <= start);
    if (row === -1) {
      row = rowEnds.push(0) - 1;
      rowsOf.push([]);
    }
    rowEnds[row] = extent;
    rowsOf[row]!.push({ ...mark, row, ...(label === undefined ? {} : { label, labelSide: side }) });
  }
  if (!withLabels) {
    for (const row of rowsOf) {
      row.forEach((mark, index) => {
        const next = row[index + 1]?.x ?? plot.right + MARK_GAP;
        const room = Math.min(maxLabel, next - MARK_GAP - (mark.x + mark.width + LABEL_GAP));
        const label = fitLabel(mark.title, room);
        if (label !== undefined) Object.assign(mark, { label, labelSide: 'right' });
      });
    }
  }
  return {
    count: rowEnds.length,
    marks: rowsOf.flat().sort((a, b) => a.x - b.x || a.id.localeCompare(b.id)),
  };
}

/** The details card of a mark: its title, date and theme, placed near it inside the chart. */
function detailsCard({
  mark,
  theme,
  width,
  margin,
}: {
  mark: PlacedMark;
  theme: ThemeId;
  width: number;
  margin: TimelineLayout['margin'];
}): TimelineMark['card'] {
  const room = width - 8 - 16;
  const title = fitLabel(mark.title, room) ?? mark.title.slice(0, 8);
  const second = `${mark.dateLabel} · ${themeLabel(theme)}`;
  const cardWidth = Math.min(width - 8, Math.max(labelWidth(title), labelWidth(second)) + 16);
  const cardX = Math.max(4, Math.min(mark.x - 12, width - 4 - cardWidth, width - margin.right));
  return { x: tenth(cardX), width: tenth(cardWidth), lines: [title, second] };
}

function placeMark(
  item: TimelineItem,
  theme: ThemeId,
  x: ReturnType<typeof timeScale>,
): PlacedMark {
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
const DENSITY_WIDE_MARGIN = { top: 8, right: 16, bottom: 28, left: 168 };
const DENSITY_COMPACT_MARGIN = { top: 4, right: 8, bottom: 28, left: 8 };

/**
 * A step area per theme lane (d3-shape), each month's height its count of records; past
 * `maxMonths` months, each year's (a month would be thinner than a pixel or two). `compact`
 * writes lane names above the lanes, as layoutTimeline does.
 */
export function layoutDensity({
  counts,
  themes,
  width,
  maxMonths = 120,
  compact = false,
}: {
  /** Counts per theme by month and year, for timelines with too many records to draw one by one. */
  counts: PeriodCounts;
  themes: readonly ThemeId[];
  width: number;
  maxMonths?: number;
  compact?: boolean;
}): DensityLayout | undefined {
  if (counts.months.length === 0) return undefined;
  const margin = compact ? DENSITY_COMPACT_MARGIN : DENSITY_WIDE_MARGIN;
  const header = compact ? LANE_HEADER : 0;
  const months = counts.months.map((cell) => cell.period).sort();
  const first = monthStartDate(months[0]!);
  const last = utcMonth.offset(monthStartDate(months[months.length - 1]!), 1);
  const yearly = utcMonth.count(first, last) > maxMonths;
  const interval = yearly ? utcYear : utcMonth;
  const periodKey = (date: Date) => date.toISOString().slice(0, yearly ? 4 : 7);
  const cells = yearly ? counts.years : counts.months;
  const start = interval.floor(first);
  const end = interval.ceil(last);
  const x = timeScale([start, end], width, margin);
  const max = Math.max(...cells.map((cell) => cell.count));
  const lanes: DensityLane[] = [];
  let y = margin.top;
  for (const theme of themes) {
    const counts = new Map(
      cells.filter((cell) => cell.theme === theme).map((cell) => [cell.period, cell.count]),
    );
    const laneY = y;
    const bottom = laneY + header + DENSITY_LANE_HEIGHT;
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
        .y0(bottom)
        .y1((d) => tenth(bottom - height(d.count)))(steps) ?? '';
    lanes.push({
      theme,
      label: themeLabel(theme),
      y: laneY,
      height: header + DENSITY_LANE_HEIGHT,
      labelAt: compact
        ? { x: margin.left + 2, y: laneY + 13, anchor: 'start' }
        : { x: margin.left - 8, y: laneY + 15, anchor: 'end' },
      path,
      max: Math.max(0, ...counts.values()),
    });
    y += header + DENSITY_LANE_HEIGHT + 4;
  }
  return {
    width,
    height: y + margin.bottom,
    margin,
    lanes,
    ticks: ticksFor(x, [start, end], width, margin),
  };
}
