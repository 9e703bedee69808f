import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BRIEFING_TYPES,
  Briefing,
  compareDates,
  countEngagements,
  engagementIds,
  filterBriefings,
  foldText,
  groupByMonthAndTheme,
  groupEngagements,
  sortBriefings,
  THEMES,
  type BriefingQuery,
  type EngagementGroup,
  type RelationKind,
  type SortKey,
  type SortOrder,
  type Status,
} from '@briefing/schema';
import {
  arbitraryEventDate,
  arbitraryIsoDate,
  arbitraryText,
} from '@briefing/schema/testing/arbitraries';
import type { Store } from './store.js';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

// The store answers queries in SQL; packages/schema answers them in memory. They must agree on
// any records and any query: the same ids, in the same order, with the same counts.

const STATUSES: Status[] = [
  'announced',
  'planned',
  'occurred',
  'postponed',
  'cancelled',
  'disputed',
];
const ACTORS = [
  'Sergei Lavrov',
  'SERGEI LAVROV',
  'Sérgei Lavrov',
  'Kim Jong-un',
  'Kim Jong Un',
  '𝒳 Ünal',
  'Choe Son Hui',
];
const PLACES = [
  'Pyongyang',
  'pyongyang',
  'Pyŏngyang',
  'Vostochny Cosmodrome, Amur Oblast',
  'Île',
  'Moscow',
];
const COUNTRIES = ['RUS', 'PRK', 'CHN'];
const WORDS = [
  'talks',
  'Talks',
  'visit',
  'bridge',
  'kim',
  'jong-un',
  'Ünal',
  'pyong',
  'é',
  '𝒳',
  'north',
  'korea',
];

const RELATIONS: RelationKind[] = ['part-of', 'announces', 'follows', 'supersedes'];

/** Links to the other records (or itself, or a missing one): chains, trees and circles. */
const arbitraryRelated = (count: number) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant<NonNullable<Briefing['related']>>([]) },
    {
      weight: 3,
      arbitrary: fc.array(
        fc.record({
          id: fc.integer({ min: 0, max: count }).map((i) => `r-${i}`),
          relation: fc.constantFrom(...RELATIONS),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    },
  );

const arbitraryRecord = (id: string, count: number) =>
  fc
    .record({
      related: arbitraryRelated(count),
      title: fc.oneof(
        arbitraryText(40),
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
        fc.constantFrom(
          'Same title',
          'same title',
          'Item 2',
          'Item 10',
          'Lone \uD800 half',
          '𐀀 astral',
        ),
      ),
      summary: fc.oneof(
        arbitraryText(80),
        fc.array(fc.constantFrom(...WORDS), { minLength: 1 }).map((w) => w.join(' ')),
      ),
      type: fc.constantFrom(...BRIEFING_TYPES.map((t) => t.id)),
      status: fc.constantFrom(...STATUSES),
      // A few shared dates too: records of one engagement then meet in a month.
      date: fc.oneof(
        arbitraryEventDate,
        fc.constantFrom<Briefing['date']>(
          { start: '2023-09-13', precision: 'day' },
          { start: '2023-09-12', end: '2023-09-17', precision: 'day' },
          { start: '2023-09-01', end: '2023-10-31', precision: 'month' },
        ),
      ),
      updated: arbitraryIsoDate,
      themes: fc.uniqueArray(fc.constantFrom(...THEMES.map((t) => t.id)), {
        minLength: 1,
        maxLength: 3,
      }),
      actors: fc.array(
        fc.record({
          name: fc.constantFrom(...ACTORS),
          country: fc.constantFrom(...COUNTRIES),
          office: fc.option(fc.constantFrom('Minister', 'Président'), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      places: fc.array(
        fc.record({ name: fc.constantFrom(...PLACES), country: fc.constantFrom(...COUNTRIES) }),
        { maxLength: 2 },
      ),
    })
    .map((input) =>
      Briefing.parse(
        record(id, {
          title: input.title,
          summary: input.summary,
          type: input.type,
          status: input.status,
          date: input.date,
          themes: input.themes,
          actors: input.actors.map((actor) => ({
            name: actor.name,
            country: actor.country,
            role: 'participant' as const,
            ...(actor.office === undefined ? {} : { office: actor.office }),
          })),
          places: input.places,
          ...(input.related.length === 0 ? {} : { related: input.related }),
          revision: {
            created: '1900-01-01',
            updated: input.updated,
            changes: [{ date: input.updated, note: 'x' }],
          },
        }),
      ),
    );

const arbitraryRecords = fc
  .integer({ min: 0, max: 25 })
  .chain((count) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => arbitraryRecord(`r-${i}`, count))),
  );

const some = <T>(values: readonly T[]) => fc.option(fc.subarray([...values]), { nil: undefined });

const arbitraryQuery: fc.Arbitrary<BriefingQuery> = fc
  .record({
    themes: some(THEMES.map((t) => t.id)),
    types: some(BRIEFING_TYPES.map((t) => t.id).slice(0, 5)),
    status: some(STATUSES),
    countries: some(['RUS', 'prk', 'CHN', 'USA']),
    actors: some([
      'sergei lavrov',
      'SÉRGEI LAVROV',
      'Kim Jong Un',
      'kim jong-un',
      '𝒳 ünal',
      'nobody',
    ]),
    places: some(['PYONGYANG', 'pyongyang', 'ile', 'Moscow ']),
    from: fc.option(arbitraryIsoDate, { nil: undefined }),
    to: fc.option(arbitraryIsoDate, { nil: undefined }),
    text: fc.option(
      fc.oneof(
        fc
          .array(fc.constantFrom(...WORDS, 'o', ' ', '-', 'Kim Jong—Un'), { maxLength: 3 })
          .map((w) => w.join(' ')),
        fc.string({ maxLength: 4 }),
        fc.constantFrom('\uD800', 'a\u0000', 'ÉTÉ', 'north korea', ''),
      ),
      { nil: undefined },
    ),
  })
  .map((query) =>
    Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)),
  );

const arbitrarySort = fc.record({
  by: fc.constantFrom<SortKey>('date', 'updated', 'title'),
  order: fc.constantFrom<SortOrder>('asc', 'desc'),
});

let fixture: Fixture;
let store: Store;
beforeAll(async () => {
  fixture = await makeFixture();
  store = await fixture.open();
});
afterAll(() => fixture.remove());

/** Puts exactly these records in the folder and brings the index up to date. */
async function load(records: readonly Briefing[]): Promise<void> {
  for (const name of await readdir(fixture.dir)) await unlink(join(fixture.dir, name));
  await fixture.write(...records);
  await store.sync();
}

const byCount = (counts: Map<string, number>) =>
  [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
/** SQLite's min() on text: by UTF-8 bytes (code points), not UTF-16 units. */
const minByCodePoint = (a: string, b: string) =>
  Buffer.compare(Buffer.from(a), Buffer.from(b)) <= 0 ? a : b;

/** The facets of filterBriefings' matches, counting records or (`unitOf`) their engagements. */
function expectedFacets(records: readonly Briefing[], unitOf = (r: Briefing) => r.id) {
  const tally = (valuesOf: (r: Briefing) => string[], keyOf = (value: string) => value) => {
    const units = new Map<string, Set<string>>();
    const labels = new Map<string, string>();
    for (const r of records) {
      for (const value of valuesOf(r)) {
        const key = keyOf(value);
        labels.set(key, labels.has(key) ? minByCodePoint(labels.get(key)!, value) : value);
        units.set(key, (units.get(key) ?? new Set()).add(unitOf(r)));
      }
    }
    return byCount(new Map([...units].map(([key, set]) => [labels.get(key)!, set.size])));
  };
  return {
    themes: tally((r) => r.themes),
    types: tally((r) => [r.type]),
    status: tally((r) => [r.status]),
    countries: tally((r) => [...r.actors, ...r.places].map((x) => x.country)),
    actors: tally((r) => r.actors.map((a) => a.name), foldText),
    places: tally((r) => r.places.map((p) => p.name), foldText),
  };
}

const shape = (groups: readonly EngagementGroup<Briefing>[] = []) =>
  groups.map((g) => [g.id, g.lead.id, g.members.map((m) => m.id)]);

describe('the store and the in-memory query helpers, on any records and queries', () => {
  it('list the same ids in the same order, with the same totals, facets and engagements', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryRecords,
        fc.array(fc.tuple(arbitraryQuery, arbitrarySort, fc.integer({ min: 1, max: 7 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (records, queries) => {
          await load(records);
          const held = store.all();
          // The store holds exactly the records written (through YAML and back).
          const byId = (list: readonly Briefing[]) =>
            [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(byId(held)).toEqual(byId(records));
          for (const [query, sort, pageSize] of queries) {
            const expected = sortBriefings({
              records: filterBriefings({ records: held, query }),
              ...sort,
            });
            const all = store.list({ query, sort, pageSize: 1000 });
            expect(all.records.map((r) => r.id)).toEqual(expected.map((r) => r.id));
            expect(all.total).toBe(expected.length);
            expect(all.facets).toEqual(expectedFacets(expected));
            const page = store.list({ query, sort, page: 2, pageSize });
            expect(page.records.map((r) => r.id)).toEqual(
              expected.slice(pageSize, 2 * pageSize).map((r) => r.id),
            );
            expect(store.all({ query, sort }).map((r) => r.id)).toEqual(expected.map((r) => r.id));
            expect(store.monthThemeCounts({ query })).toEqual(
              groupByMonthAndTheme({ records: expected }),
            );

            // Counting engagements: the rule of @briefing/schema over every record held.
            const ids = engagementIds({ records: held });
            expect(all.engagementTotal).toBe(countEngagements({ records: expected, ids }));
            expect(store.list({ query, facets: false })).toMatchObject({
              total: all.total,
              engagementTotal: all.engagementTotal,
            });
            expect(store.list({ query, count: 'engagements' }).facets).toEqual(
              expectedFacets(expected, (r) => ids.get(r.id)!),
            );
            expect(store.monthThemeCounts({ query, count: 'engagements' })).toEqual(
              groupByMonthAndTheme({ records: expected, count: 'engagements', ids }),
            );
            // One row per engagement, ordered by its lead, paged by engagement.
            const groups = groupEngagements({ records: expected, ids });
            const byLead = new Map(groups.map((group) => [group.lead.id, group]));
            const rows = sortBriefings({ records: groups.map((g) => g.lead), ...sort }).map(
              (lead) => byLead.get(lead.id)!,
            );
            const grouped = store.list({ query, sort, rows: 'engagements', pageSize: 1000 });
            expect(shape(grouped.engagements)).toEqual(shape(rows));
            expect(grouped.records.map((r) => r.id)).toEqual(rows.map((g) => g.lead.id));
            const groupedPage = store.list({ query, sort, rows: 'engagements', page: 2, pageSize });
            expect(shape(groupedPage.engagements)).toEqual(
              shape(rows.slice(pageSize, 2 * pageSize)),
            );
          }
          // Each record's engagement: its root and all its records, by date.
          const ids = engagementIds({ records: held });
          for (const record of held) {
            const id = ids.get(record.id)!;
            expect(store.engagement(record.id)).toEqual({
              id,
              root: held.find((r) => r.id === id),
              members: held.filter((r) => ids.get(r.id) === id).sort(compareDates),
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
