import { utcDay, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';

/** One labelled tick of a time axis. */
export interface TimeTick {
  date: Date;
  x: number;
  label: string;
  /** The first tick of a year (or every tick of a yearly axis): drawn stronger. */
  major: boolean;
  /** Labels at the ends of the axis start or end at their tick so that they stay inside it. */
  anchor: 'start' | 'middle' | 'end';
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
/** Average advance of a 12 px system-ui character, rounded up so that estimates never overlap. */
export const CHAR_WIDTH = 7;
/** Clear space between two tick labels. */
const LABEL_GAP = 14;

type Unit = 'day' | 'month' | 'year';

interface Candidate {
  unit: Unit;
  interval: Interval;
  /** About how long a step is, in days: candidates with far too many ticks are not made. */
  days: number;
}

const every = (interval: CountableTimeInterval, step: number) =>
  step === 1 ? interval : (interval.every(step) as CountableTimeInterval);
type Interval = Pick<CountableTimeInterval, 'range'>;

// Finest first: the axis uses the finest spacing whose labels fit side by side.
// Days of the month that step-day ticks fall on; each month starts afresh (no 29 Sep, 1 Oct).
const DAY_STEPS: [number, (day: number) => boolean][] = [
  [1, () => true],
  [2, (day) => day % 2 === 1 && day < 31],
  [7, (day) => day % 7 === 1 && day < 29],
  [14, (day) => day === 1 || day === 15],
];

const CANDIDATES: Candidate[] = [
  ...DAY_STEPS.map(([step, keep]) => ({
    unit: 'day' as const,
    interval: step === 1 ? utcDay : utcDay.filter((date) => keep(date.getUTCDate())),
    days: step,
  })),
  ...[1, 2, 3, 6].map((step) => ({
    unit: 'month' as const,
    interval: every(utcMonth, step),
    days: step * 28,
  })),
  ...[1, 2, 5, 10, 20, 50, 100].map((step) => ({
    unit: 'year' as const,
    interval: every(utcYear, step),
    days: step * 365,
  })),
];

const dayLabel = (date: Date, withYear: boolean) =>
  `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${withYear ? ` ${date.getUTCFullYear()}` : ''}`;
const monthLabel = (date: Date, withYear: boolean) =>
  `${MONTHS[date.getUTCMonth()]}${withYear ? ` ${date.getUTCFullYear()}` : ''}`;

/**
 * Labels that name each tick at its unit, never the same text twice: the year is added where a
 * shorter label would repeat or be ambiguous (the first tick, a new year, a month name seen in two
 * years). January ticks of a monthly axis read as the bare year.
 */
export function tickLabels({ dates, unit }: { dates: readonly Date[]; unit: Unit }): string[] {
  if (unit === 'year') return dates.map((date) => String(date.getUTCFullYear()));
  const yearChanges = (index: number) =>
    index === 0 || dates[index - 1]!.getUTCFullYear() !== dates[index]!.getUTCFullYear();
  const short = dates.map((date, index) =>
    unit === 'day'
      ? dayLabel(date, yearChanges(index))
      : date.getUTCMonth() === 0
        ? String(date.getUTCFullYear())
        : monthLabel(date, index === 0),
  );
  if (new Set(short).size === short.length) return short;
  // A span of more than a year: every label carries its year.
  return dates.map((date) =>
    unit === 'day'
      ? dayLabel(date, true)
      : date.getUTCMonth() === 0
        ? String(date.getUTCFullYear())
        : monthLabel(date, true),
  );
}

/** Estimated width of a 12 px label (bold labels a little wider). */
export const labelWidth = (label: string, bold = false): number =>
  label.length * CHAR_WIDTH * (bold ? 1.08 : 1);

/**
 * Ticks for a UTC time scale over `[x0, x1]` pixels: the finest of days, weeks, months, quarters,
 * years or decades whose labels do not overlap, at any span from a day to centuries.
 */
export function timeTicks({
  domain: [start, end],
  scale,
  range: [x0, x1],
}: {
  domain: readonly [Date, Date];
  scale: (date: Date) => number;
  range: readonly [number, number];
}): TimeTick[] {
  let fallback: TimeTick[] = [];
  const spanDays = (end.getTime() - start.getTime()) / 86_400_000;
  // No label is shorter than a year's four digits.
  const most = Math.abs(x1 - x0) / (4 * CHAR_WIDTH + LABEL_GAP) + 1;
  for (const { unit, interval, days } of CANDIDATES) {
    if (spanDays / days > most * 1.5) continue;
    // range() excludes its end: one millisecond more keeps a tick on the domain's end.
    const dates = interval.range(start, new Date(end.getTime() + 1));
    if (dates.length === 0) continue;
    const labels = tickLabels({ dates, unit });
    const placed = anchored(
      dates.map((date, index) => ({
        date,
        x: Math.round(scale(date) * 10) / 10,
        label: labels[index]!,
        major: unit === 'year' || (date.getUTCMonth() === 0 && date.getUTCDate() === 1),
      })),
      [x0, x1],
    );
    const ticks = placed.map(({ left: _left, right: _right, ...tick }) => tick);
    fallback = ticks;
    if (fits({ ticks: placed, range: [x0, x1] })) return ticks;
  }
  // Even centuries overlap (a plot a few pixels wide): keep the first tick only.
  return fallback.slice(0, 1);
}

/**
 * Where each label's text is anchored: centred on its tick, or starting (ending) at it when a
 * centred label would stick out of the range's start (end).
 */
function anchored(ticks: readonly Omit<TimeTick, 'anchor'>[], [x0, x1]: readonly [number, number]) {
  return ticks.map((tick) => {
    const width = labelWidth(tick.label, tick.major);
    const anchor: TimeTick['anchor'] =
      tick.x - width / 2 < x0 ? 'start' : tick.x + width / 2 > x1 ? 'end' : 'middle';
    const left =
      anchor === 'start' ? tick.x : anchor === 'end' ? tick.x - width : tick.x - width / 2;
    return { ...tick, anchor, left, right: left + width };
  });
}

/** Whether the labels stay apart and inside the range. */
function fits({
  ticks,
  range: [x0, x1],
}: {
  ticks: readonly { left: number; right: number }[];
  range: readonly [number, number];
}): boolean {
  return ticks.every(
    (tick, index) =>
      tick.left >= x0 - 0.5 &&
      tick.right <= x1 + 0.5 &&
      (index === 0 || tick.left - ticks[index - 1]!.right >= LABEL_GAP),
  );
}
