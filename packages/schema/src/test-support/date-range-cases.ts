import type { EventDate } from '../briefing.js';

/** Date ranges and how they read: run in this process and in child processes under other zones. */
export const RANGE_CASES: [EventDate, string][] = [
  [{ start: '2023-10-18', end: '2023-10-19', precision: 'day' }, '18–19 Oct 2023'],
  [{ start: '2023-09-30', end: '2023-10-02', precision: 'day' }, '30 Sep – 2 Oct 2023'],
  [{ start: '2023-12-29', end: '2024-01-02', precision: 'day' }, '29 Dec 2023 – 2 Jan 2024'],
  [{ start: '2023-09-13', precision: 'day' }, '13 Sep 2023'],
  [{ start: '2023-09-13', end: '2023-09-13', precision: 'day' }, '13 Sep 2023'],
  [{ start: '2023-09-01', precision: 'month' }, 'Sep 2023'],
  [{ start: '2023-09-01', end: '2023-09-30', precision: 'month' }, 'Sep 2023'],
  [{ start: '2023-09-01', end: '2023-10-31', precision: 'month' }, 'Sep–Oct 2023'],
  [{ start: '2023-12-01', end: '2024-01-31', precision: 'month' }, 'Dec 2023 – Jan 2024'],
  [{ start: '2023-01-01', precision: 'year' }, '2023'],
  [{ start: '2023-01-01', end: '2024-12-31', precision: 'year' }, '2023–2024'],
  [{ start: '2024-01-01', precision: 'day' }, '1 Jan 2024'],
  [{ start: '2024-12-31', precision: 'day' }, '31 Dec 2024'],
  [{ start: '2024-02-29', precision: 'day' }, '29 Feb 2024'],
];
