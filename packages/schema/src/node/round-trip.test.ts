import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Briefing } from '../briefing.js';
import { THEMES } from '../vocabulary.js';
import { makeBriefing } from '../test-support/fixtures.js';
import { generateBriefings } from '../test-support/generate-briefings.js';
import { parseBriefingYaml } from './parse-yaml.js';
import { briefingToYaml } from './write-yaml.js';

/** Text as a record may hold it: any characters, including YAML's own syntax, trimmed and non-empty. */
const text = (max: number) =>
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

const isoDate = fc
  .date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(2100, 11, 31)),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

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

const validRecord: fc.Arbitrary<Briefing> = fc
  .record({
    title: fc.oneof(text(200), looksLikeOtherTypes),
    summary: text(2000),
    note: fc.option(text(200), { nil: undefined }),
    start: isoDate,
    length: fc.integer({ min: 0, max: 40 }),
    themes: fc.uniqueArray(fc.constantFrom(...THEMES.map((theme) => theme.id)), { minLength: 1 }),
    actorName: text(100),
    office: fc.option(fc.oneof(text(100), looksLikeOtherTypes), { nil: undefined }),
    lat: fc.option(fc.double({ min: -90, max: 90, noNaN: true }), { nil: undefined }),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
    url: fc.webUrl({
      validSchemes: ['http', 'https'],
      withQueryParameters: true,
      withFragments: true,
    }),
    confidenceNote: fc.option(text(500), { nil: undefined }),
  })
  .map((input) => {
    const end = new Date(Date.parse(`${input.start}T00:00:00Z`) + input.length * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const base = makeBriefing();
    return Briefing.parse({
      ...base,
      title: input.title,
      summary: input.summary,
      date: {
        start: input.start,
        ...(input.length > 0 ? { end } : {}),
        precision: 'day',
        ...(input.note ? { note: input.note } : {}),
      },
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

describe('YAML round trip', () => {
  it('gives back an equal, valid record for any valid record', () => {
    fc.assert(
      fc.property(validRecord, (record) => {
        const { record: parsed, problems } = parseBriefingYaml({
          text: briefingToYaml(record),
          file: 'x.yaml',
        });
        expect(problems).toEqual([]);
        expect(parsed).toStrictEqual(record);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('writes fields in schema order', () => {
    const yaml = briefingToYaml({
      ...makeBriefing(),
      revision: makeBriefing().revision,
      id: 'z',
    } as Briefing);
    const keys = yaml
      .split('\n')
      .filter((line) => /^[a-zA-Z]+:/.test(line))
      .map((line) => line.split(':')[0]);
    expect(keys).toEqual(Object.keys(Briefing.shape).filter((key) => key in makeBriefing()));
  });
});

describe('generated records', () => {
  it('survive the round trip and pass validation', () => {
    for (const record of generateBriefings({ count: 200, seed: 3 })) {
      const { record: parsed, problems } = parseBriefingYaml({
        text: briefingToYaml(record),
        file: 'x.yaml',
      });
      expect(problems).toEqual([]);
      expect(parsed).toStrictEqual(record);
    }
  }, 60_000);
});
