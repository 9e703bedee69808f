import { describe, expect, it } from 'vitest';
import type { Briefing } from './briefing.js';
import { BriefingQuery, filterBriefings, queryWords, searchableText } from './query.js';
import { makeBriefing } from './test-support/fixtures.js';

const lavrov = makeBriefing();
const vostochny = makeBriefing({
  id: 'kim-putin-vostochny-2023',
  title: 'Kim–Putin summit at the Vostochny Cosmodrome',
  summary: 'Kim Jong Un and Vladimir Putin met at the Vostochny Cosmodrome.',
  type: 'summit',
  date: { start: '2023-09-13', precision: 'day' },
  themes: ['diplomacy', 'space', 'defense'],
  actors: [
    { name: 'Vladimir Putin', country: 'RUS', role: 'host' },
    { name: 'Kim Jong Un', country: 'PRK', role: 'visitor' },
  ],
  places: [{ name: 'Vostochny Cosmodrome, Amur Oblast', country: 'RUS' }],
});
const commission = makeBriefing({
  id: 'commission-2024',
  title: 'Intergovernmental commission meets in Pyongyang',
  summary: 'The commission on trade and economic cooperation held its eleventh session.',
  type: 'commission',
  status: 'announced',
  date: { start: '2024-11-01', end: '2024-11-30', precision: 'month' },
  themes: ['trade-energy'],
  actors: [{ name: 'Alexander Kozlov', country: 'RUS', role: 'visitor' }],
  places: [{ name: 'Pyongyang', country: 'PRK' }],
});
const chinaCall = makeBriefing({
  id: 'year-long',
  title: 'Year-long exchanges',
  summary: 'Cultural exchanges with a café in Pyongyang.',
  type: 'delegation',
  date: { start: '2025-01-01', precision: 'year' },
  themes: ['culture-education'],
  actors: [{ name: 'Wang Yi', country: 'CHN', role: 'participant' }],
  places: [],
});
const records = [lavrov, vostochny, commission, chinaCall];
const ids = (found: Briefing[]) => found.map((record) => record.id);

describe('filterBriefings', () => {
  it.each<[string, BriefingQuery, string[]]>([
    ['an empty query', {}, ids(records)],
    ['empty lists', { themes: [], types: [] }, ids(records)],
    ['one theme', { themes: ['space'] }, ['kim-putin-vostochny-2023']],
    [
      'any of several themes',
      { themes: ['space', 'trade-energy'] },
      ['kim-putin-vostochny-2023', 'commission-2024'],
    ],
    ['types', { types: ['visit', 'commission'] }, ['lavrov-pyongyang-2023', 'commission-2024']],
    ['status', { status: ['announced'] }, ['commission-2024']],
    ['an actor, ignoring case', { actors: ['kim jong un'] }, ['kim-putin-vostochny-2023']],
    ['a country of an actor', { countries: ['CHN'] }, ['year-long']],
    [
      'a country of an actor or place',
      { countries: ['prk'] },
      ['lavrov-pyongyang-2023', 'kim-putin-vostochny-2023', 'commission-2024'],
    ],
    ['a place', { places: ['Pyongyang'] }, ['lavrov-pyongyang-2023', 'commission-2024']],
    [
      'from: records ending on or after',
      { from: '2023-10-19' },
      ['lavrov-pyongyang-2023', 'commission-2024', 'year-long'],
    ],
    [
      'to: records starting on or before',
      { to: '2023-10-18' },
      ['lavrov-pyongyang-2023', 'kim-putin-vostochny-2023'],
    ],
    [
      'a range inside a month-precision record',
      { from: '2024-11-15', to: '2024-11-16' },
      ['commission-2024'],
    ],
    [
      'a range inside a year-precision record',
      { from: '2025-07-01', to: '2025-07-01' },
      ['year-long'],
    ],
    ['a range between records', { from: '2023-09-14', to: '2023-10-17' }, []],
    ['text in the title, any case', { text: 'VOSTOCHNY' }, ['kim-putin-vostochny-2023']],
    ['text without its accents', { text: 'cafe' }, ['year-long']],
    ['accented text matching plain text', { text: 'Pyöngyang commission' }, ['commission-2024']],
    ['text in an actor name', { text: 'kozlov' }, ['commission-2024']],
    ['text in a place name', { text: 'amur' }, ['kim-putin-vostochny-2023']],
    ['the name of a country taking part', { text: 'china' }, ['year-long']],
    ['every word of the text', { text: 'kim lavrov' }, ['lavrov-pyongyang-2023']],
    [
      'a hyphenated name as the spaced one',
      { text: 'Kim Jong-un' },
      ['lavrov-pyongyang-2023', 'kim-putin-vostochny-2023'],
    ],
    ['a spaced name as the hyphenated one', { text: 'year long' }, ['year-long']],
    ['text of spaces only', { text: '   ' }, ids(records)],
    [
      'several fields together',
      { themes: ['diplomacy'], countries: ['RUS'], to: '2023-09-30' },
      ['kim-putin-vostochny-2023'],
    ],
  ])('filters by %s', (_name, query, expected) => {
    expect(ids(filterBriefings({ records, query }))).toEqual(expected);
  });

  it('does not change the records it is given', () => {
    const copy = structuredClone(records);
    filterBriefings({ records, query: { text: 'kim' } });
    expect(records).toEqual(copy);
  });
});

describe('BriefingQuery', () => {
  it('accepts a full query', () => {
    expect(
      BriefingQuery.safeParse({
        themes: ['space'],
        types: ['summit'],
        actors: ['Kim Jong Un'],
        countries: ['PRK'],
        places: ['Pyongyang'],
        status: ['occurred'],
        from: '2023-01-01',
        to: '2023-12-31',
        text: 'summit',
      }).success,
    ).toBe(true);
  });

  it.each([
    ['an unknown theme', { themes: ['sport'] }],
    ['an unknown key', { theme: ['space'] }],
    ['a bad date', { from: '2023-02-30' }],
    ['from after to', { from: '2024-01-01', to: '2023-01-01' }],
  ])('rejects %s', (_name, query) => {
    expect(BriefingQuery.safeParse(query).success).toBe(false);
  });
});

describe('filterBriefings with name aliases', () => {
  const aliases = new Map([
    ['лавров', 'Sergei Lavrov'],
    ['сергей лавров', 'Sergei Lavrov'],
    ['라브로프', 'Sergei Lavrov'],
    ['sergey lavrov', 'Sergei Lavrov'],
    ['путин', 'Vladimir Putin'],
  ]);
  const records = [lavrov, vostochny, commission];
  const ids = (text: string) =>
    filterBriefings({ records, query: { text }, aliases }).map((record) => record.id);

  it.each(['Лавров', 'ЛАВРОВ', 'Сергей Лавров', '라브로프', 'Sergey Lavrov', 'Sergey-Lavrov'])(
    'finds the records of the name a spelling stands for (%s)',
    (text) => {
      expect(ids(text)).toEqual([lavrov.id]);
    },
  );

  it('keeps the other words of the search as conditions', () => {
    expect(ids('Путин Vostochny')).toEqual([vostochny.id]);
    expect(ids('Путин Pyongyang')).toEqual([]);
  });

  it('matches an alias only as whole words', () => {
    expect(ids('лавровый')).toEqual([]);
  });

  it('filters by actor given as a spelling', () => {
    const found = filterBriefings({ records, query: { actors: ['Лавров'] }, aliases });
    expect(found.map((record) => record.id)).toEqual([lavrov.id]);
  });

  it('changes nothing without aliases', () => {
    expect(filterBriefings({ records, query: { text: 'Лавров' } })).toEqual([]);
  });
});

describe('queryWords and searchableText', () => {
  it('fold a query and a record alike, dashes as spaces', () => {
    expect(queryWords('  Kim Jong-un  Pyŏngyang ')).toEqual(['kim', 'jong', 'un', 'pyongyang']);
    const text = searchableText(makeBriefing({ title: 'Kim Jong-un in Pyŏngyang' }));
    expect(queryWords('Kim Jong-un Pyŏngyang').every((word) => text.includes(word))).toBe(true);
    expect(text).toContain('north korea');
  });
});
