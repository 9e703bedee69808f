// Calendar dates stay "YYYY-MM-DD" strings: arithmetic is done in UTC so that no
// local time zone can move a date to the day before or after.

/** The number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether an ISO date is the last day of its month. */
export function isEndOfMonth(isoDate: string): boolean {
  const [year, month, day] = isoDate.split('-').map(Number);
  return day === daysInMonth(year!, month!);
}
