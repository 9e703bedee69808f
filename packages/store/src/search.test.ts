import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './store.js';
import { defaultSpellings, mergeSpellings, spellingsFromGazetteer } from './spellings.js';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

// The gazetteers packages/authoring keeps, merged with this package's other scripts, as a
// caller (the dashboard) would merge them.
const gazetteer = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../authoring/data/${name}.json`, import.meta.url), 'utf8'),
  ) as { name: string; variants?: string[] }[];
const spellings = mergeSpellings(
  defaultSpellings(),
  spellingsFromGazetteer(gazetteer('people')),
  spellingsFromGazetteer(gazetteer('places')),
);

const actor = (name: string, country = 'RUS') => ({ name, country, role: 'participant' as const });

let fixture: Fixture;
let store: Store;
beforeAll(async () => {
  fixture = await makeFixture(
    record('lavrov', {
      title: 'Foreign minister visits',
      summary: 'Sergei Lavrov held talks in Pyongyang.',
      actors: [actor('Sergei Lavrov')],
      places: [{ name: 'Pyongyang', country: 'PRK' }],
    }),
    record('kim', {
      title: 'Leader travels by train',
      summary: 'Kim Jong-un crossed the border at Khasan.',
      actors: [actor('Kim Jong Un', 'PRK')],
      places: [{ name: 'Khasan', country: 'RUS' }],
    }),
    record('choe', {
      title: 'Strategic consultations',
      summary: 'The foreign minister of the DPRK met her counterpart in Moscow.',
      actors: [actor('Choe Son Hui', 'PRK')],
      places: [{ name: 'Moscow', country: 'RUS' }],
    }),
    record('space-title', {
      title: 'Space talks at the cosmodrome',
      summary: 'A tour of the launch pads.',
      themes: ['space'],
      actors: [actor('Vladimir Putin')],
      places: [{ name: 'Vostochny Cosmodrome, Amur Oblast', country: 'RUS' }],
    }),
    record('space-summary', {
      title: 'Delegation arrives',
      summary: 'The delegation discussed space and trade talks in Pyŏngyang.',
      themes: ['trade-energy'],
      actors: [actor('Alexander Kozlov')],
      places: [],
    }),
  );
  store = await fixture.open({ spellings });
});
afterAll(() => fixture.remove());

const found = (text: string, query = {}) =>
  store.search({ text, query }).hits.map((hit) => hit.record.id);

describe('search', () => {
  it.each([
    ['a prefix', 'Lav', 'lavrov'],
    ['any case', 'LAVROV', 'lavrov'],
    ['accents folded', 'Lávrov', 'lavrov'],
    ['Cyrillic', 'Лавров', 'lavrov'],
    ['a Cyrillic prefix', 'Лав', 'lavrov'],
    ['Hangul', '라브로프', 'lavrov'],
    ['a Hangul prefix', '라브', 'lavrov'],
    ['a hyphenated spelling of a name written without one', 'Kim Jong-un', 'kim'],
    ['a name as the record writes it', 'Kim Jong Un', 'kim'],
    ['a gazetteer variant', 'Kim Jongun', 'kim'],
    ['Korean in Hangul', '김정은', 'kim'],
    ['another romanization', 'Choi Son Hui', 'choe'],
    ['a short variant', 'Choi', 'choe'],
    ['Korean name in Cyrillic', 'Цой Сон Хи', 'choe'],
    ['a place in Cyrillic', 'Хасан', 'kim'],
    ['a place with diacritics in the record', 'Pyongyang', 'lavrov'],
  ])('finds %s (%s)', (_name, text, id) => {
    expect(found(text)).toContain(id);
  });

  it('finds nothing unrelated', () => {
    expect(found('Лавров')).toEqual(['lavrov']);
    expect(found('Choi')).toEqual(['choe']);
  });

  it('ranks a match in the title above one in the summary', () => {
    expect(found('space')).toEqual(['space-title', 'space-summary']);
    const [first, second] = store.search({ text: 'space' }).hits;
    expect(first!.score).toBeGreaterThan(second!.score);
  });

  it('applies the filters of a query to the hits', () => {
    expect(found('talks', { themes: ['space'] })).toEqual(['space-title']);
    expect(store.search({ text: 'talks', pageSize: 1, page: 2 })).toMatchObject({
      total: 3,
      page: 2,
    });
  });

  it('treats any text as words, never as query syntax', () => {
    for (const text of [
      '"',
      'lavrov" OR "kim',
      'NEAR(lavrov kim)',
      '*',
      'kim AND',
      '-',
      '^lav',
      '',
    ]) {
      expect(() => store.search({ text })).not.toThrow();
    }
    expect(found('lavrov" OR "kim')).toEqual([]);
    expect(store.search({ text: ' - ' })).toMatchObject({ total: 0, hits: [] });
  });
});

describe('list and iterate with search words', () => {
  it('list the records search finds, in the list order, with their facets', () => {
    const listed = store.list({ search: 'Лавров', sort: { by: 'date', order: 'desc' } });
    expect(listed.records.map((r) => r.id)).toEqual(['lavrov']);
    expect(listed.total).toBe(1);
    expect(listed.facets.actors).toEqual([{ value: 'Sergei Lavrov', count: 1 }]);
  });

  it('combine the words with the filters, and stream the same records', () => {
    const options = { query: { themes: ['space' as const] }, search: 'talks' };
    expect(store.all(options).map((r) => r.id)).toEqual(['space-title']);
    expect([...store.iterate(options)].map((r) => r.id)).toEqual(['space-title']);
  });

  it('ignore search text with no words', () => {
    expect(store.list({ search: ' !? ' }).total).toBe(5);
  });
});
