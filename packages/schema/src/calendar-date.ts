// Calendar dates stay "YYYY-MM-DD" strings: arithmetic is done on the strings or in UTC so
// that no local time zone can move a date to the day before or after.

import type { EventDate } from './briefing.js';

/** The number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether an ISO date is the last day of its month. */
export function isEndOfMonth(isoDate: string): boolean {
  const [year, month, day] = isoDate.split('-').map(Number);
  return day === daysInMonth(year!, month!);
}

/** The parts of an ISO date "YYYY-MM-DD" as numbers. */
export function dateParts(isoDate: string): { year: number; month: number; day: number } {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** The last day an event covers: its end, or the end of its single day, month or year. */
export function effectiveEnd(date: EventDate): string {
  if (date.end !== undefined) return date.end;
  if (date.precision === 'day') return date.start;
  const { year, month } = dateParts(date.start);
  if (date.precision === 'year') return `${pad(year, 4)}-12-31`;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(daysInMonth(year, month), 2)}`;
}

/** Every month "YYYY-MM" from the month of `start` to the month of `end`, inclusive. */
export function monthsBetween({ start, end }: { start: string; end: string }): string[] {
  const from = dateParts(start);
  const to = dateParts(end);
  const months: string[] = [];
  for (let y = from.year, m = from.month; y < to.year || (y === to.year && m <= to.month);) {
    months.push(`${pad(y, 4)}-${pad(m, 2)}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
