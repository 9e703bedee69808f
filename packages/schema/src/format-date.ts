import type { EventDate } from './briefing.js';
import { dateParts, pad } from './calendar-date.js';

// Fixed English abbreviations: Intl month names would depend on the runtime's locale data,
// and a Date object would drag in the local time zone.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const monthName = (month: number): string => MONTHS[month - 1] ?? String(month);

/** "18 Oct 2023" for "2023-10-18", read from the string so every time zone shows the same day. */
export function formatIsoDate(iso: string): string {
  const { year, month, day } = dateParts(iso);
  return `${day} ${monthName(month)} ${year}`;
}

/**
 * A date range written by its precision: "18–19 Oct 2023", "30 Sep – 2 Oct 2023",
 * "13 Sep 2023", "Sep 2023", "Sep–Oct 2023", "2023", "2023–2024".
 */
export function formatDateRange(date: EventDate): string {
  const start = dateParts(date.start);
  const end = dateParts(date.end ?? date.start);
  const sameYear = start.year === end.year;
  const sameMonth = sameYear && start.month === end.month;
  switch (date.precision) {
    case 'year':
      return sameYear ? `${start.year}` : `${start.year}–${end.year}`;
    case 'month':
      if (sameMonth) return `${monthName(start.month)} ${start.year}`;
      if (sameYear) return `${monthName(start.month)}–${monthName(end.month)} ${start.year}`;
      return `${monthName(start.month)} ${start.year} – ${monthName(end.month)} ${end.year}`;
    case 'day':
      if (sameMonth && start.day === end.day) return formatIsoDate(date.start);
      if (sameMonth) return `${start.day}–${end.day} ${monthName(start.month)} ${start.year}`;
      if (sameYear) {
        return `${start.day} ${monthName(start.month)} – ${end.day} ${monthName(end.month)} ${start.year}`;
      }
      return `${formatIsoDate(date.start)} – ${formatIsoDate(date.end ?? date.start)}`;
  }
}

// A formatter per time zone, made once: making one costs more than the rest of todayIso, which
// servers call on every request (pages are kept per day).
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Today's calendar date "YYYY-MM-DD" in a time zone (UTC unless one is given). */
export function todayIso({
  timeZone = 'UTC',
  now = new Date(),
}: { timeZone?: string; now?: Date } = {}): string {
  const parts = dayFormatter(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return `${pad(part('year'), 4)}-${pad(part('month'), 2)}-${pad(part('day'), 2)}`;
}
