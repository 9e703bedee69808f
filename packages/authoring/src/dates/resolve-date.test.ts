import { describe, expect, it } from 'vitest';
import { findDates } from './find-dates.js';
import { pickMention, resolveDate, type DateContext } from './resolve-date.js';

const reference = { date: '2023-10-16', from: '--reference-date' };

function resolve(text: string, context: DateContext = { reference }) {
  const mentions = findDates({ text, referenceDate: context.reference?.date ?? '2023-10-16' });
  const mention = pickMention({ mentions, triggerIndex: 0 })!;
  return resolveDate({ mention, context });
}

describe('resolveDate', () => {
  it('gives a month at month precision, first to last day', () => {
    expect(resolve('In September, Kim travelled.')).toEqual({
      ok: true,
      date: { start: '2023-09-01', end: '2023-09-30', precision: 'month' },
      notes: ['year inferred from the reference date 2023-10-16, --reference-date'],
      mention: expect.anything(),
    });
  });

  it('takes the month of days given alone from the context', () => {
    const result = resolve('Lavrov visits on the 18th and 19th.', {
      reference,
      lastMonth: { month: 10, year: 2023, yearStated: false, text: 'mid-October' },
      future: true,
    });
    expect(result).toMatchObject({
      ok: true,
      date: { start: '2023-10-18', end: '2023-10-19', precision: 'day' },
      notes: [
        'month from "mid-October"',
        'year inferred from the reference date 2023-10-16, --reference-date',
      ],
    });
  });

  it('moves future days before the reference date into the next year', () => {
    const result = resolve('Lavrov visits on the 3rd and 4th.', {
      reference,
      lastMonth: { month: 10, year: 2023, yearStated: false, text: 'October' },
      future: true,
    });
    expect(result).toMatchObject({ ok: true, date: { start: '2024-10-03', end: '2024-10-04' } });
  });

  it('counts "the following day" from a day-precision date', () => {
    expect(
      resolve('The following day, they met.', {
        reference,
        previous: { start: '2023-09-30', precision: 'day' },
      }),
    ).toMatchObject({
      ok: true,
      date: { start: '2023-10-01', precision: 'day' },
    });
  });

  it('keeps "the following day" after a month-precision date at month precision, saying so', () => {
    const result = resolve('The following day, they met.', {
      reference,
      previous: { start: '2023-09-01', end: '2023-09-30', precision: 'month' },
    });
    expect(result).toMatchObject({
      ok: true,
      date: { start: '2023-09-01', end: '2023-09-30', precision: 'month' },
      notes: [
        '"The following day" counts from a date known only to the month (Sep 2023), so only the month is known',
      ],
    });
  });

  it('gives a range across a year end', () => {
    expect(resolve('They met from 29 December 2023 to 2 January.')).toMatchObject({
      ok: true,
      date: { start: '2023-12-29', end: '2024-01-02', precision: 'day' },
    });
  });

  it.each([
    ['In September, Kim travelled.', /"September" gives no year and the article has no date/],
    ['The following day, they met.', /"The following day" follows no dated event/],
    ['Kim met Shoigu last week.', /counts from the article's date, which is unknown/],
  ])('refuses %j without a reference date', (text, reason) => {
    const result = resolve(text, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it.each([
    [
      'Putin will visit Pyongyang next month.',
      { start: '2023-11-01', end: '2023-11-30', precision: 'month' },
    ],
    [
      'Putin will visit Pyongyang next year.',
      { start: '2024-01-01', end: '2024-12-31', precision: 'year' },
    ],
    ['Kim met Shoigu yesterday.', { start: '2023-10-15', precision: 'day' }],
  ])('gives %j the span it names', (text, date) => {
    expect(resolve(text)).toMatchObject({ ok: true, date });
  });
});
