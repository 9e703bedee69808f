import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDateRange, formatIsoDate, todayIso } from './format-date.js';
import { RANGE_CASES } from './test-support/date-range-cases.js';

describe('formatDateRange', () => {
  it.each(RANGE_CASES)('formats %j as %s', (date, expected) => {
    expect(formatDateRange(date)).toBe(expected);
  });
});

describe('formatIsoDate', () => {
  it.each([
    ['2023-10-18', '18 Oct 2023'],
    ['2024-01-01', '1 Jan 2024'],
    ['2023-12-31', '31 Dec 2023'],
  ])('formats %s as %s', (iso, expected) => {
    expect(formatIsoDate(iso)).toBe(expected);
  });
});

describe('todayIso', () => {
  const instant = new Date('2023-10-18T20:30:00Z');
  it.each([
    ['UTC', '2023-10-18'],
    ['Asia/Pyongyang', '2023-10-19'],
    ['America/Los_Angeles', '2023-10-18'],
    ['Pacific/Kiritimati', '2023-10-19'],
  ])('gives the calendar date in %s', (timeZone, expected) => {
    expect(todayIso({ timeZone, now: instant })).toBe(expected);
  });

  it('defaults to UTC', () => {
    expect(todayIso({ now: instant })).toBe('2023-10-18');
  });
});

describe('date formatting in other time zones', () => {
  const script = fileURLToPath(new URL('./test-support/format-dates-child.ts', import.meta.url));

  // Date objects read the process's zone at start-up, so each zone gets a real process.
  it.each(['America/Los_Angeles', 'Asia/Pyongyang'])(
    'shows the same days under TZ=%s',
    (timeZone) => {
      const output = execFileSync(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, TZ: timeZone },
        encoding: 'utf8',
      });
      const result = JSON.parse(output) as {
        zone: string;
        offsetMinutes: number;
        formatted: string[];
      };
      // Proof that the child really ran in that zone.
      expect(result.zone).toBe(timeZone);
      expect(result.offsetMinutes).not.toBe(0);
      expect(result.formatted).toEqual(RANGE_CASES.map(([, expected]) => expected));
    },
    30_000,
  );
});
