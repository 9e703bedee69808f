import { describe, expect, it } from 'vitest';
import { dateAtUtcMidnight } from './to-feed-item.js';

describe('dateAtUtcMidnight', () => {
  it.each([
    '2023-10-18',
    '2024-02-29',
    '1000-01-01',
    '9999-12-31',
    '0099-01-01',
    '2023-02-29',
    '2023-04-31',
    '2023-13-01',
    '2023-00-10',
    '2023-1-1',
    'not a date',
  ])('gives %s the instant Date parses from its UTC midnight', (isoDate) => {
    expect(dateAtUtcMidnight(isoDate).getTime()).toEqual(
      new Date(`${isoDate}T00:00:00Z`).getTime(),
    );
  });
});
