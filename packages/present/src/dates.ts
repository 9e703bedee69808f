import { daysInMonth, effectiveEnd, pad, type EventDate } from '@briefing/schema';

/**
 * The last day (inclusive) an event covers: its end, else its single day, month or year. The one
 * rule behind the list's date filter, the calendar's DTEND, the timeline and the exports (the
 * schema's query applies the same function).
 */
export function eventLastDay(date: EventDate): string {
  return effectiveEnd(date);
}

/** The first and last calendar day of a month "YYYY-MM". */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  return { from: `${month}-01`, to: `${month}-${pad(daysInMonth(year!, monthNumber!), 2)}` };
}

/** The day after an ISO date, by UTC arithmetic (a calendar date, never moved by a time zone). */
export function nextDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day! + 1);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Every year an event touches, from its first to its last day. */
export function eventYears(date: EventDate): number[] {
  const first = Number(date.start.slice(0, 4));
  const last = Number(eventLastDay(date).slice(0, 4));
  const years: number[] = [];
  for (let year = first; year <= last; year += 1) years.push(year);
  return years;
}
