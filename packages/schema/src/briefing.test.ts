import { describe, expect, expectTypeOf, it } from 'vitest';
import { Briefing, EventDate, IsoDate, Source, type Actor, type Place } from './briefing.js';
import { INVALID_CASES, VALID_CASES, ZOD_ONLY_INVALID_CASES } from './test-support/corpus.js';
import { makeBriefing } from './test-support/fixtures.js';
import { validateBriefing } from './validate.js';

describe('Briefing schema', () => {
  it.each(VALID_CASES)('accepts $name', ({ value }) => {
    expect(validateBriefing({ value }).problems).toEqual([]);
  });

  it.each([...INVALID_CASES, ...ZOD_ONLY_INVALID_CASES])(
    'rejects $name at $path',
    ({ value, path }) => {
      const { record, problems } = validateBriefing({ value });
      expect(record).toBeUndefined();
      expect(problems.map((problem) => problem.path)).toContain(
        // An unknown key is reported at the key itself.
        path === '' ? 'titel' : path === 'sources[0]' ? 'sources[0].uri' : path,
      );
    },
  );

  it.each([
    [
      'a javascript: url',
      { url: 'javascript:alert(1)' },
      'expected an http(s) URL, got "javascript:alert(1)"',
    ],
    ['a data: url', { url: 'data:text/html,x' }, 'expected an http(s) URL, got "data:text/html,x"'],
    // One problem, not also "malformed", for a URL with no scheme.
    ['a url with no scheme', { url: 'mid.ru/en' }, 'expected an http(s) URL, got "mid.ru/en"'],
    [
      'a url that does not parse',
      { url: 'https://mid.ru:port/' },
      'expected a well-formed http(s) URL, got "https://mid.ru:port/"',
    ],
    [
      'no url or document',
      { url: undefined },
      'expected a url or a document: a source must say where it can be read',
    ],
  ])('explains %s', (_name, patch, message) => {
    const value = makeBriefing({ sources: [{ ...makeBriefing().sources[0]!, ...patch }] });
    expect(validateBriefing({ value }).problems).toEqual([
      { recordId: 'lavrov-pyongyang-2023', path: 'sources[0].url', message },
    ]);
  });

  it.each([
    [
      'a day that does not exist',
      { date: { start: '2023-02-30', precision: 'day' } },
      'date.start',
      'expected a calendar date YYYY-MM-DD, got "2023-02-30"',
    ],
    [
      'a date-time read from YAML 1.1',
      { date: { start: new Date('2023-10-18'), precision: 'day' } },
      'date.start',
      'expected a calendar date YYYY-MM-DD, got a date-time object (2023-10-18T00:00:00.000Z), not text',
    ],
    [
      'a language name, not a tag',
      { sources: [{ ...makeBriefing().sources[0]!, language: 'English' }] },
      'sources[0].language',
      'expected a BCP 47 language tag such as en or ru, got "English"',
    ],
    [
      'a document outside seeds/documents',
      { sources: [{ ...makeBriefing().sources[0]!, document: 'docs/x.txt' }] },
      'sources[0].document',
      'expected a path under seeds/documents/, e.g. seeds/documents/000_de4160cc50d9890e.txt, got "docs/x.txt"',
    ],
    [
      'a country code that names no country',
      { places: [{ name: 'Pyongyang', country: 'PKR' }] },
      'places[0].country',
      'expected an assigned ISO 3166-1 alpha-3 country code such as RUS or PRK, got "PKR", which names no country',
    ],
  ])('says what was found for %s', (_name, patch, path, message) => {
    const { problems } = validateBriefing({ value: { ...makeBriefing(), ...patch } });
    expect(problems.map((problem) => [problem.path, problem.message])).toEqual([[path, message]]);
  });

  it('says what was expected and what was found for a wrong type', () => {
    const { problems } = validateBriefing({ value: { ...makeBriefing(), title: 42 } });
    expect(problems.map((p) => p.message)).toEqual(['expected text, got number 42']);
  });

  it('lists the allowed values for a wrong enum value', () => {
    const { problems } = validateBriefing({ value: { ...makeBriefing(), status: 'done' } });
    expect(problems[0]?.message).toBe(
      'expected one of "announced", "planned", "occurred", "postponed", "cancelled", "disputed", got "done"',
    );
  });

  it('suggests the field meant by a typo', () => {
    const { problems } = validateBriefing({ value: { ...makeBriefing(), sumary: 'x' } });
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'sumary: unknown field "sumary" (did you mean "summary"?)',
    ]);
  });

  it('lists the known fields for an unknown key with no near match', () => {
    const { problems } = validateBriefing({
      value: { ...makeBriefing(), confidence: { level: 'high', xyz: 1 } },
    });
    expect(problems[0]?.message).toBe('unknown field "xyz"; expected one of: level, note');
  });

  it('reports a missing field as missing', () => {
    const { summary: _omitted, ...value } = makeBriefing();
    expect(validateBriefing({ value }).problems[0]?.message).toBe(
      'required field is missing (expected text)',
    );
  });

  it('reports every problem of a record, not only the first', () => {
    const value = { ...makeBriefing(), title: '', type: 'meeting', themes: [] };
    expect(
      validateBriefing({ value })
        .problems.map((p) => p.path)
        .sort(),
    ).toEqual(['themes', 'title', 'type']);
  });

  it('rejects a value that is not a mapping', () => {
    expect(validateBriefing({ value: ['a', 'list'] }).problems).toEqual([
      { path: '', message: 'expected a mapping of record fields, got a list' },
    ]);
  });

  it('trims text', () => {
    const record = Briefing.parse(makeBriefing({ title: '  Lavrov visits Pyongyang \n' }));
    expect(record.title).toBe('Lavrov visits Pyongyang');
  });

  it('exposes inferred types for the public schemas', () => {
    expectTypeOf<IsoDate>().toEqualTypeOf<string>();
    expectTypeOf<EventDate['precision']>().toEqualTypeOf<'day' | 'month' | 'year'>();
    expectTypeOf<Briefing['date']>().toEqualTypeOf<EventDate>();
    expectTypeOf<Briefing['actors']>().toEqualTypeOf<Actor[]>();
    expectTypeOf<Briefing['places']>().toEqualTypeOf<Place[]>();
    expectTypeOf<Source['url']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Briefing['related']>().toEqualTypeOf<
      { id: string; relation: 'part-of' | 'announces' | 'follows' | 'supersedes' }[] | undefined
    >();
    expectTypeOf(validateBriefing).returns.toEqualTypeOf<{
      record?: Briefing;
      problems: import('./problem.js').Problem[];
    }>();
  });
});
