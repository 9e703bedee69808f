import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultGazetteers, officeOn } from './gazetteer.js';
import { findMentions } from './match-entities.js';

const gazetteers = defaultGazetteers();
const seeds = new URL('../../../seeds/briefings/', import.meta.url);
const records = readdirSync(seeds)
  .filter((file) => file.endsWith('.yaml'))
  .map(
    (file) =>
      parse(readFileSync(new URL(file, seeds), 'utf8')) as {
        date: { start: string };
        actors: { name: string; office?: string }[];
        places: { name: string }[];
      },
  );
// The principals column of the shared reference table engagements-2023-2025.tsv, copied here
// because the table lives outside the repository.
const REFERENCE_PRINCIPALS =
  'Adm. Nikolai Evmenov|Alexander Kozlov|Ambassador Alexander Matsegora|Andrei Belousov|Andrei Rudenko|Choe Son Hui|Denis Manturov|Deputy Culture Minister Malyshev|Dmitry Medvedev|Dmitry Peskov|KCNA|Kang Sun Nam|Kim Jong Gyu|Kim Jong Un|Kim Yo Jong|Mikhail Mishustin|No Kwang Chol|Oleg Kozhemyako|Olga Lyubimova|Pak Thae Song|Ri Chang Dae|Russian Foreign Ministry|Sergei Lavrov|Sergei Naryshkin|Sergei Shoigu|State Duma|Vasily Nebenzia|Vladimir Putin|Vyacheslav Volodin|Yun Jong Ho'.split(
    '|',
  );
const REFERENCE_PLACES = [
  'Pyongyang',
  'Vostochny Cosmodrome, Amur Oblast',
  'Moscow',
  'KnAAZ aircraft plant, Komsomolsk-on-Amur',
  'Knevichi airbase, Artyom',
  'frigate Marshal Shaposhnikov, Vladivostok',
  'Far Eastern Federal University',
  'Primorsky Oceanarium, Russky Island, Vladivostok',
  'Kumsusan Palace',
  'UN Security Council, New York',
  'Tumen River',
  'Russian Embassy, Pyongyang',
  'Wonsan-Kalma',
  'Diaoyutai, Beijing',
];

describe('the gazetteers', () => {
  it('know every actor of the seed records', () => {
    expect(records.length).toBeGreaterThan(30);
    const known = new Set(gazetteers.people.map((person) => person.name));
    const missing = records
      .flatMap((record) => record.actors.map((actor) => actor.name))
      .filter((name) => !known.has(name));
    expect(missing).toEqual([]);
  });

  it('know every place of the seed records, or the place it is in', () => {
    const known = new Set(gazetteers.places.map((place) => place.name));
    const unknown = records
      .flatMap((record) => record.places.map((place) => place.name))
      .filter(
        (name) =>
          !known.has(name) && !name.includes('Arnika') && !name.includes('North Korean bank'),
      );
    expect(unknown).toEqual([]);
  });

  it('recognise every principal and place of the reference table', () => {
    const missing = REFERENCE_PRINCIPALS.filter(
      (name) => findMentions({ text: name, entries: gazetteers.people }).length === 0,
    );
    expect(missing).toEqual([]);
    const unknownPlaces = REFERENCE_PLACES.filter(
      (name) => findMentions({ text: name, entries: gazetteers.places }).length === 0,
    );
    expect(unknownPlaces).toEqual([]);
  });

  it('give every place coordinates', () => {
    expect(
      gazetteers.places.filter((place) => place.lat === undefined || place.lon === undefined),
    ).toEqual([]);
  });

  it('give the office held on the date of the engagement', () => {
    const shoigu = gazetteers.people.find((person) => person.name === 'Sergei Shoigu')!;
    expect(officeOn({ person: shoigu, date: '2023-07-26' })).toBe('Minister of Defence');
    expect(officeOn({ person: shoigu, date: '2024-09-13' })).toBe(
      'Secretary of the Security Council',
    );
  });
});

describe('the README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  // The table row whose cell holds `name`, as its comma-separated words.
  const row = (name: string) => {
    const line = readme.split('\n').find((candidate) => candidate.includes(`| \`${name}\``));
    return line
      ?.split('|')
      .at(-2)
      ?.split(',')
      .map((word) => word.trim());
  };

  it('lists every keyword of the theme lexicon and every trigger word', () => {
    for (const [theme, words] of Object.entries(gazetteers.themes))
      expect(row(theme)).toEqual(words);
    for (const entry of gazetteers.triggers) expect(row(entry.type)).toEqual(entry.terms);
  });
});

describe('the seed records', () => {
  // An office written two ways splits a person's page ("Offices held") into broken runs: Kim
  // Jong Il's listed five, where two records wrote a longer title for the one he held throughout.
  it("write each actor's office one way: in date order, each office is one run", () => {
    const offices = new Map<string, { start: string; office: string }[]>();
    for (const record of records) {
      for (const actor of record.actors) {
        if (actor.office === undefined) continue;
        const held = offices.get(actor.name) ?? [];
        held.push({ start: record.date.start, office: actor.office });
        offices.set(actor.name, held);
      }
    }
    const split: string[] = [];
    for (const [name, held] of offices) {
      const runs: string[] = [];
      for (const { office } of held.sort((a, b) => a.start.localeCompare(b.start))) {
        if (runs.at(-1) !== office) runs.push(office);
      }
      if (new Set(runs).size !== runs.length) split.push(`${name}: ${runs.join(' → ')}`);
    }
    expect(split).toEqual([]);
  });
});
