import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBriefings } from '@briefing/schema/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './store.js';
import {
  defaultSpellings,
  mergeSpellings,
  SpellingIndex,
  spellingsFromGazetteer,
} from './spellings.js';
import { makeFixture, type Fixture } from './test-support/fixtures.js';

const index = new SpellingIndex({
  'Sergei Lavrov': ['Сергей Лавров', 'Лавров', 'Lavrov'],
  'Choe Son Hui': ['Choi Son Hui', 'Choe', 'Choi'],
  'Kim Yo Jong': ['Kim Yo-jong'],
  'Kim Jong Un': ['Kim Jong-un', 'Kim'],
});

describe('SpellingIndex.toFtsQuery', () => {
  it.each([
    ['every word as a prefix', 'space talks', '"space"* AND "talks"*'],
    [
      'a name as all its spellings',
      'Лавров',
      '("лавров"* OR "sergei lavrov" OR "сергей лавров" OR "лавров" OR "lavrov")',
    ],
    [
      'a prefix of a name in its last word',
      'Лав',
      '("лав"* OR "sergei lavrov" OR "сергей лавров" OR "лавров" OR "lavrov")',
    ],
    [
      'the longest name first',
      'Kim Yo-jong visit',
      '("kim yo jong"* OR "kim yo jong") AND "visit"*',
    ],
    ['no name from one letter', 'K', '"k"*'],
    [
      'punctuation as separators',
      'Choi, Son-Hui!',
      '("choi son hui"* OR "choe son hui" OR "choi son hui" OR "choe" OR "choi")',
    ],
  ])('writes %s', (_name, text, expected) => {
    expect(index.toFtsQuery(text)).toBe(expected);
  });

  it('gives nothing for text without words', () => {
    expect(index.toFtsQuery(' "*" - ')).toBeUndefined();
  });
});

describe('spelling lists', () => {
  it('merge by name, keeping each variant once', () => {
    expect(
      mergeSpellings(
        { Putin: ['Путин'] },
        spellingsFromGazetteer([{ name: 'Putin', variants: ['Путин', '푸틴'] }, { name: 'Kazan' }]),
      ),
    ).toEqual({ Putin: ['Путин', '푸틴'], Kazan: [] });
  });
});

// The seed records and packages/authoring's people gazetteer, read as files: this package does not
// depend on packages/authoring. The spellings are merged as a caller (the dashboard) merges them.
const seeds = new URL('../../../seeds/briefings/', import.meta.url);
const { records: seedRecords, problems } = await loadBriefings({ dir: fileURLToPath(seeds) });
if (problems.length > 0) throw new Error(`the seed records have problems: ${problems[0]!.message}`);
const people = JSON.parse(
  readFileSync(new URL('../../authoring/data/people.json', import.meta.url), 'utf8'),
) as { name: string; kind: string; variants?: string[] }[];
const seedSpellings = mergeSpellings(defaultSpellings(), spellingsFromGazetteer(people));

type Script = 'Cyrillic' | 'Hangul';
const SCRIPTS: Record<Script, RegExp> = {
  Cyrillic: /\p{Script=Cyrillic}/u,
  Hangul: /\p{Script=Hangul}/u,
};

// Seed actors with no spelling yet in a script, because none could be confirmed in published
// Russian or Korean news (a missing spelling is better than a guessed one). When a confirmed
// spelling is added to data/name-scripts.json, take the name (or the script) off this list.
const PENDING: Record<string, Script[]> = {
  'Andrei Malyshev': ['Hangul'],
  'Choe Thae Bok': ['Cyrillic'],
  'Hong Song Nam': ['Cyrillic'],
  'Igor Sergeyev': ['Hangul'],
  'Inna Svyatenko': ['Hangul'],
  'Jo Chang Dok': ['Cyrillic'],
  'Kang Sok Ju': ['Cyrillic'],
  'Kang Yun Sok': ['Cyrillic', 'Hangul'],
  'Kim Hyong Jun': ['Cyrillic'],
  'Kim Il Chol': ['Cyrillic'],
  'Kim Il Guk': ['Cyrillic'],
  'Kim Kum Chol': ['Cyrillic'],
  'Kung Sok Ung': ['Cyrillic'],
  'Mikhail Degtyarev': ['Hangul'],
  'Nikolai Bogdanovsky': ['Hangul'],
  'Nikolai Evmenov': ['Hangul'],
  'Nikolai Smorodin': ['Hangul'],
  'O Kum Chol': ['Cyrillic', 'Hangul'],
  'Pak In Chol': ['Cyrillic'],
  'Pak Myong Guk': ['Cyrillic', 'Hangul'],
  'Ri Yong Chol': ['Cyrillic'],
  'Ro Tu Chol': ['Cyrillic'],
  'Sergei Ivanov': ['Cyrillic'],
  'Sergei Kravtsov': ['Hangul'],
  'Sergei Storchak': ['Hangul'],
  'Valery Yazev': ['Hangul'],
  'Viktor Ishayev': ['Hangul'],
  'Yang Man Gil': ['Cyrillic'],
};

describe('the shipped spellings', () => {
  const persons = new Set(
    people.filter((entry) => entry.kind === 'person').map((entry) => entry.name),
  );
  const actors = [
    ...new Set(
      seedRecords.flatMap((record) =>
        record.actors
          .filter((actor) => ['RUS', 'PRK'].includes(actor.country) && persons.has(actor.name))
          .map((actor) => actor.name),
      ),
    ),
  ].sort();

  it('every Russian and North Korean person among the seed actors has a Cyrillic and a Hangul spelling', () => {
    expect(actors.length).toBeGreaterThan(70);
    const missing: Record<string, Script[]> = {};
    for (const name of actors) {
      const spellings = [name, ...(seedSpellings[name] ?? [])];
      const scripts = (Object.keys(SCRIPTS) as Script[]).filter(
        (script) => !spellings.some((spelling) => SCRIPTS[script].test(spelling)),
      );
      if (scripts.length > 0) missing[name] = scripts;
    }
    // Exactly the pending ones: a spelling removed fails, and so does a stale pending entry.
    expect(missing).toEqual(PENDING);
  });

  it('key every name as the people gazetteer writes it', () => {
    const known = new Set([
      ...people.map((entry) => entry.name),
      ...(
        JSON.parse(
          readFileSync(new URL('../../authoring/data/places.json', import.meta.url), 'utf8'),
        ) as { name: string }[]
      ).map((entry) => entry.name),
    ]);
    expect(Object.keys(defaultSpellings()).filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('search of the seed records in other scripts', () => {
  let fixture: Fixture;
  let store: Store;
  beforeAll(async () => {
    fixture = await makeFixture(...seedRecords);
    store = await fixture.open({ spellings: seedSpellings });
  });
  afterAll(() => fixture.remove());

  // The ids of the seed records with the actor, which a search for the spelling must all find.
  const withActor = (name: string) =>
    seedRecords
      .filter((record) => record.actors.some((actor) => actor.name === name))
      .map((record) => record.id)
      .sort();
  const found = (text: string) =>
    store
      .all({ search: text })
      .map((record) => record.id)
      .sort();

  it.each([
    ['Ким Чен Ир', 'Kim Jong Il'],
    ['김정일', 'Kim Jong Il'],
    ['Ким Ен Нам', 'Kim Yong Nam'],
    ['김영남', 'Kim Yong Nam'],
    ['Пэк Нам Сун', 'Paek Nam Sun'],
    ['백남순', 'Paek Nam Sun'],
    ['이고리 이바노프', 'Igor Ivanov'],
    ['Андрей Малышев', 'Andrei Malyshev'],
    ['Казбек Тайсаев', 'Kazbek Taisaev'],
    ['올레그 부르미스트로프', 'Oleg Burmistrov'],
  ])('finds %s (%s)', (text, name) => {
    const ids = withActor(name);
    expect(ids.length).toBeGreaterThan(0);
    expect(found(text)).toEqual(expect.arrayContaining(ids));
  });
});
