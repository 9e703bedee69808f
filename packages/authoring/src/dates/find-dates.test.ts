import { describe, expect, it } from 'vitest';
import { findDates } from './find-dates.js';

const REFERENCE = '2023-10-16';
const summary = (text: string, forward = false) =>
  findDates({ text, referenceDate: REFERENCE, forward }).map((mention) => ({
    kind: mention.kind,
    text: mention.text,
    start: [mention.start.year, mention.start.month, mention.start.day],
    end: mention.end && [mention.end.year, mention.end.month, mention.end.day],
    ...(mention.daysAfter !== undefined && { daysAfter: mention.daysAfter }),
  }));

describe('findDates', () => {
  it.each([
    ['They signed it on 12.07.2025.', [2025, 7, 12]],
    ['They signed it on 25/11/2024.', [2024, 11, 25]],
  ])('reads the numeric date in %j day first where it must be', (text, start) => {
    expect(summary(text).map((mention) => mention.start)).toEqual([start]);
  });

  it('takes no date from a slash date that reads both ways', () => {
    expect(summary('They signed it on 05/11/2024.')).toEqual([]);
  });

  it.each([
    "Putin's visit, his first to North Korea in 24 years, ended on Thursday.",
    'The bridge is the first built between them in two decades.',
  ])('reads no date in a span of years: %j', (text) => {
    expect(summary(text).filter((mention) => /years|decades/.test(mention.text))).toEqual([]);
  });

  it('reads "on the 18th and 19th" as a range of days whose month is left open', () => {
    expect(summary('In mid-October, Lavrov plans a visit on the 18th and 19th.')).toEqual([
      { kind: 'calendar', text: 'October', start: [undefined, 10, undefined], end: undefined },
      {
        kind: 'days-only',
        text: 'on the 18th and 19th',
        start: [undefined, undefined, 18],
        end: [undefined, undefined, 19],
      },
    ]);
  });

  it.each([
    ['The following day, Kim met Putin.', 'The following day', 1],
    ['Two days later they signed it.', 'Two days later', 2],
    ['The next day he left.', 'The next day', 1],
  ])('reads %j as counted from the previous event', (text, words, days) => {
    expect(summary(text)).toEqual([
      {
        kind: 'after-previous',
        text: words,
        start: [undefined, undefined, undefined],
        end: undefined,
        daysAfter: days,
      },
    ]);
  });

  it.each([
    ['the 10th session of the commission'],
    ['the 80th anniversary of liberation'],
    ['the 18th of October'],
  ])('does not take %j for days in context', (text) => {
    expect(summary(text).filter((mention) => mention.kind === 'days-only')).toEqual([]);
  });

  it.each([
    ['on 12 August 2025', 'calendar', [2025, 8, 12], undefined],
    ['In September', 'calendar', [undefined, 9, undefined], undefined],
    ['from 29 November to 2 December', 'calendar', [undefined, 11, 29], [undefined, 12, 2]],
    ['in 2024', 'year', [2024, undefined, undefined], undefined],
    ['between 18 and 19 October', 'calendar', [undefined, 10, 18], [undefined, 10, 19]],
    ['on October 18 and 19, 2023', 'calendar', [2023, 10, 18], [2023, 10, 19]],
    ['on 18–19 October', 'calendar', [undefined, 10, 18], [undefined, 10, 19]],
  ])('reads %j as a %s date', (text, kind, start, end) => {
    expect(summary(text)[0]).toMatchObject({ kind, start, end });
  });

  it('marks dates counted from the article as relative', () => {
    expect(summary('Kim met Shoigu last week.')[0]).toMatchObject({
      kind: 'relative',
      text: 'last week',
    });
  });
});
