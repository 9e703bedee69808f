import { daysInMonth } from '@briefing/schema';

/** A calendar date as "YYYY-MM-DD". */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The parts of an ISO calendar date. */
export function dateParts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** An ISO date moved by a number of days, computed in UTC so no time zone shifts it. */
export function addDays(iso: string, days: number): string {
  const { year, month, day } = dateParts(iso);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The first and last day of a month. */
export function monthRange(year: number, month: number): { start: string; end: string } {
  return { start: isoDate(year, month, 1), end: isoDate(year, month, daysInMonth(year, month)) };
}

/** Whether a string is a real calendar date YYYY-MM-DD (not 2023-02-30). */
export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth(year!, month!);
}

/** Noon UTC on a calendar date: a reference instant no time zone can move to another day. */
export function noonUtc(iso: string): Date {
  const { year, month, day } = dateParts(iso);
  return new Date(Date.UTC(year, month - 1, day, 12));
}
