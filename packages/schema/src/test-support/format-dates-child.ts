// Run by format-date.test.ts in a child process with TZ set: formats every case and prints JSON.
import { formatDateRange } from '../format-date.js';
import { RANGE_CASES } from './date-range-cases.js';

process.stdout.write(
  JSON.stringify({
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsetMinutes: new Date('2023-10-18T00:00:00Z').getTimezoneOffset(),
    formatted: RANGE_CASES.map(([date]) => formatDateRange(date)),
  }),
);
