import fc from 'fast-check';
import { Briefing, type EventDate } from '../briefing.js';
import { daysInMonth, pad } from '../calendar-date.js';
import { THEMES } from '../vocabulary.js';
import { makeBriefing } from './fixtures.js';

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Text as a record may hold it: any characters, including YAML's own syntax, trimmed and non-empty. */
export const arbitraryText = (max: number) =>
  fc
    .string({
      unit: fc.oneof(
        fc.constantFrom(...': -#&*!|>\'"%@`{}[],?\n\t\\'),
        fc.constantFrom(
          '\u0000',
          '\u0007',
          '\u001b',
          '\u0085',
          '\u00a0',
          '\u2028',
          '\ufeff',
          'é',
          '한',
          '𝒳',
        ),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      ),
      minLength: 1,
      maxLength: max,
    })
    .map((value) => value.trim())
    .filter((value) => value.length > 0);

/** A calendar date between 1900 and 2100. */
export const arbitraryIsoDate = fc
  .date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(2100, 11, 31)),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

/** Any valid event date: a day or a range of days, one or more whole months, or whole years. */
export const arbitraryEventDate: fc.Arbitrary<EventDate> = fc.oneof(
  fc.tuple(arbitraryIsoDate, fc.integer({ min: 0, max: 40 })).map(([start, length]): EventDate => ({
    start,
    ...(length > 0 ? { end: addDays(start, length) } : {}),
    precision: 'day',
  })),
  fc
    .tuple(
      fc.integer({ min: 1900, max: 2100 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 14 }),
    )
    .map(([year, month, extra]): EventDate => {
      const endMonth = month + extra;
      const endYear = year + Math.floor((endMonth - 1) / 12);
      const m = ((endMonth - 1) % 12) + 1;
      return {
        start: `${pad(year, 4)}-${pad(month, 2)}-01`,
        ...(extra > 0
          ? { end: `${pad(endYear, 4)}-${pad(m, 2)}-${pad(daysInMonth(endYear, m), 2)}` }
          : {}),
        precision: 'month',
      };
    }),
  fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 3 }))
    .map(([year, extra]): EventDate => ({
      start: `${pad(year, 4)}-01-01`,
      ...(extra > 0 ? { end: `${pad(year + extra, 4)}-12-31` } : {}),
      precision: 'year',
    })),
);

/** Strings a YAML writer must quote to keep them strings. */
const looksLikeOtherTypes = fc.constantFrom(
  'yes',
  'no',
  'true',
  'null',
  '~',
  '0x1F',
  '1e3',
  '.inf',
  '2023-10-18',
  '007',
  '- x',
  '"',
);

/** Any valid record: text full of YAML syntax and odd characters, every date precision. */
export const arbitraryBriefing: fc.Arbitrary<Briefing> = fc
  .record({
    title: fc.oneof(arbitraryText(200), looksLikeOtherTypes),
    summary: arbitraryText(2000),
    note: fc.option(arbitraryText(200), { nil: undefined }),
    date: arbitraryEventDate,
    themes: fc.uniqueArray(fc.constantFrom(...THEMES.map((theme) => theme.id)), { minLength: 1 }),
    actorName: arbitraryText(100),
    office: fc.option(fc.oneof(arbitraryText(100), looksLikeOtherTypes), { nil: undefined }),
    lat: fc.option(fc.double({ min: -90, max: 90, noNaN: true }), { nil: undefined }),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
    url: fc.webUrl({
      validSchemes: ['http', 'https'],
      withQueryParameters: true,
      withFragments: true,
    }),
    confidenceNote: fc.option(arbitraryText(500), { nil: undefined }),
  })
  .map((input) => {
    const base = makeBriefing();
    return Briefing.parse({
      ...base,
      title: input.title,
      summary: input.summary,
      date: { ...input.date, ...(input.note ? { note: input.note } : {}) },
      themes: input.themes,
      actors: [
        {
          name: input.actorName,
          country: 'PRK',
          role: 'host',
          ...(input.office ? { office: input.office } : {}),
        },
      ],
      places: [
        {
          name: 'Pyongyang',
          country: 'PRK',
          ...(input.lat === undefined ? {} : { lat: input.lat, lon: input.lon }),
        },
      ],
      sources: [{ ...base.sources[0]!, url: input.url }],
      confidence: {
        level: 'medium',
        ...(input.confidenceNote ? { note: input.confidenceNote } : {}),
      },
    });
  })
  .filter((record) => record.sources[0]!.url!.length <= 2000);
