import fc from 'fast-check';
import { generateBriefings, makeBriefing } from '@briefing/schema/testing';
import { arbitraryEventDate } from '@briefing/schema/testing/arbitraries';
import { dataCoverage, THEMES, type Briefing } from '@briefing/schema';
import { describe, expect, it } from 'vitest';
import { entityIndex } from './entities.js';
import { wholeNetworkView } from './network-view.js';
import { buildOverview } from './overview.js';
import { themeParts } from './theme-view.js';
import { cleanRecord } from '@briefing/present';
import { TimeSlicer } from '@briefing/store';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  buildSnapshot,
  buildSnapshotInTurns,
  nextSnapshot,
  prepareEngagements,
  snapshotCoverage,
  snapshotEngagements,
  type Snapshot,
} from './snapshot.js';

const day = (start: string) => ({ start, precision: 'day' as const });
const leg = (id: string, start: string) =>
  makeBriefing({ id, date: day(start), related: [{ id: 'trip', relation: 'part-of' }] });
const trip = makeBriefing({ id: 'trip', date: { ...day('2023-09-12'), end: '2023-09-17' } });
const siteUrl = 'https://briefing.example.org/';

describe('buildSnapshot', () => {
  it('lists the records that link to one in event order, not id order', () => {
    const snapshot = buildSnapshot({
      siteUrl,
      records: [
        leg('a-oceanarium', '2023-09-17'),
        leg('b-knaaz', '2023-09-15'),
        leg('c-vostochny', '2023-09-13'),
        trip,
      ],
    });
    expect(snapshot.related.get('trip')?.map((link) => [link.id, link.direction])).toEqual([
      ['c-vostochny', 'incoming'],
      ['b-knaaz', 'incoming'],
      ['a-oceanarium', 'incoming'],
    ]);
  });

  it('drops the control characters no page or feed may hold', () => {
    const snapshot = buildSnapshot({
      siteUrl,
      records: [makeBriefing({ id: 'bell', title: 'Talks\u0007 held' })],
    });
    expect(snapshot.byId.get('bell')?.title).toBe('Talks held');
  });
});

/** How many turns of the event loop `work` lets others have while it runs. */
async function turnsLeftDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  await nextTurn();
  return turns;
}

describe('building a snapshot in turns of the event loop', () => {
  const records = generateBriefings({ count: 10_000, seed: 7 }).map(cleanRecord);
  const made = buildSnapshot({ records, siteUrl, clean: false, dataVersion: 3 });

  it('gives what buildSnapshot gives, each part in a turn of its own', async () => {
    let snapshot: Snapshot | undefined;
    const turns = await turnsLeftDuring(async () => {
      snapshot = await buildSnapshotInTurns({
        records,
        siteUrl,
        documents: new Map(),
        dataVersion: 3,
      });
    });
    expect(snapshot!.newestFirst.map((record) => record.id)).toEqual(
      made.newestFirst.map((record) => record.id),
    );
    for (const record of records) expect(snapshot!.byId.get(record.id)).toBe(record);
    expect(snapshot!.related).toEqual(made.related);
    expect(snapshot!.facets).toEqual(made.facets);
    expect(snapshot!.dataVersion).toBe(3);
    // The order, the index by id, the links and the facets: four parts, four turns between.
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it('works out the engagements a slice at a time, as snapshotEngagements does at once', async () => {
    const sliced = buildSnapshot({ records, siteUrl, clean: false });
    // A budget of 0 rests after every step of the computation (4,096 records).
    const turns = await turnsLeftDuring(() => prepareEngagements(sliced, new TimeSlicer(0)));
    expect(turns).toBeGreaterThanOrEqual(2);
    const kept = snapshotEngagements(sliced);
    expect(kept).toEqual(snapshotEngagements(made));
    expect([...kept.values()].some((id, index) => id !== [...kept.keys()][index])).toBe(true);
    // Kept in the snapshot: asked again, the same map.
    await prepareEngagements(sliced, new TimeSlicer(0));
    expect(snapshotEngagements(sliced)).toBe(kept);
  });
});

describe('nextSnapshot', () => {
  it('applies added, changed and removed records to the last snapshot', () => {
    const first = buildSnapshot({
      siteUrl,
      records: [trip, leg('a-oceanarium', '2023-09-17'), leg('b-knaaz', '2023-09-15')],
      dataVersion: 1,
    });
    const next = nextSnapshot({
      previous: first,
      dataVersion: 2,
      documents: first.documents,
      changed: new Map([
        ['a-oceanarium', undefined],
        ['trip', { ...trip, title: 'The trip\u0007, renamed' }],
        ['c-vostochny', leg('c-vostochny', '2023-09-13')],
      ]),
    });
    expect(next.dataVersion).toBe(2);
    expect(next.newestFirst.map((record) => record.id)).toEqual(['b-knaaz', 'c-vostochny', 'trip']);
    expect(next.byId.get('trip')?.title).toBe('The trip, renamed');
    expect(next.related.get('trip')?.map((link) => link.id)).toEqual(['c-vostochny', 'b-knaaz']);
    // The earlier snapshot is left as it was, for requests still rendering from it.
    expect(first.records).toHaveLength(3);
    expect(first.byId.has('a-oceanarium')).toBe(true);
  });

  it('gives what a snapshot of its records made afresh gives, whatever changed', () => {
    const records = generateBriefings({ count: 60, seed: 3 });
    const first = buildSnapshot({ siteUrl, records, dataVersion: 1 });
    derived(first);
    const change = fc.record({
      pick: fc.nat({ max: 79 }),
      what: fc.constantFrom(
        'retitle',
        'rename',
        'move',
        'relink',
        'relocate',
        'retheme',
        'restatus',
        'remove',
        'add',
        'reupdate',
      ),
      date: arbitraryEventDate,
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), (changes) => {
        const changed = new Map<string, Briefing | undefined>();
        for (const { pick, what, date } of changes) {
          const record = records[pick % records.length]!;
          if (what === 'retitle') changed.set(record.id, { ...record, title: `${record.title}!` });
          else if (what === 'rename') {
            const actors = record.actors.map((actor, n) =>
              n === 0 ? { ...actor, name: 'X' } : actor,
            );
            changed.set(record.id, { ...record, actors });
          } else if (what === 'relink') {
            const target = records[(pick + 1) % records.length]!.id;
            changed.set(record.id, { ...record, related: [{ id: target, relation: 'part-of' }] });
          } else if (what === 'relocate') {
            const places = record.places.map((place, n) =>
              n === 0 ? { ...place, lat: (place.lat ?? 0) + 1, lon: place.lon ?? 0 } : place,
            );
            changed.set(record.id, { ...record, places });
          } else if (what === 'retheme') {
            const themes = record.themes.includes('diplomacy')
              ? record.themes.filter((theme) => theme !== 'diplomacy')
              : [...record.themes, 'diplomacy' as const];
            changed.set(record.id, { ...record, themes: themes.length > 0 ? themes : ['space'] });
          } else if (what === 'restatus') {
            changed.set(record.id, {
              ...record,
              status: record.status === 'planned' ? 'occurred' : 'planned',
            });
          } else if (what === 'reupdate') {
            // Its last update moved earlier or later (the coverage's newest update may move).
            const updated =
              date.start < record.revision.created ? record.revision.created : date.start;
            changed.set(record.id, { ...record, revision: { ...record.revision, updated } });
          } else if (what === 'remove') changed.set(record.id, undefined);
          else if (what === 'move') changed.set(record.id, { ...record, date });
          else changed.set(`added-${pick}`, { ...record, id: `added-${pick}`, date });
        }
        const next = nextSnapshot({
          previous: first,
          changed,
          dataVersion: 2,
          documents: first.documents,
        });
        const afresh = buildSnapshot({ siteUrl, records: next.records, clean: false });
        const ids = (list: readonly Briefing[]) => list.map((record) => record.id);
        expect(ids(next.newestFirst)).toEqual(ids(afresh.newestFirst));
        expect(next.related).toEqual(afresh.related);
        expect(next.facets).toEqual(afresh.facets);
        expect(derived(next)).toEqual(derived(afresh));
        expect(snapshotCoverage(next)).toEqual(dataCoverage(next.records));
      }),
    );
  });

  it('keeps what is derived from names, places and dates through an edit of a title, not of a name', () => {
    const records = generateBriefings({ count: 60, seed: 5 });
    const first = buildSnapshot({ siteUrl, records, dataVersion: 1 });
    const before = derived(first);
    const edit = (record: Briefing) =>
      nextSnapshot({
        previous: first,
        changed: new Map([[record.id, record]]),
        dataVersion: 2,
        documents: first.documents,
      });
    const retitled = derived(edit({ ...records[7]!, title: 'A new title' }));
    expect(retitled.entities).toBe(before.entities);
    expect(retitled.network).toBe(before.network);
    expect(retitled.engagements).toBe(before.engagements);
    expect(retitled.overview.places).toBe(before.overview.places);
    expect(retitled.overview.localities).toBe(before.overview.localities);
    retitled.themeDensity.forEach((density, n) => expect(density).toBe(before.themeDensity[n]));
    // The overview's list of latest updates and a theme's marks hold the records' titles: made
    // again.
    expect(retitled.overview.latestUpdates).not.toBe(before.overview.latestUpdates);
    expect(retitled.themeMarks).not.toBe(before.themeMarks);
    retitled.themeGroups.forEach((groups, n) => expect(groups).toBe(before.themeGroups[n]));
    const defense = records.find((record) => record.themes.includes('defense'))!;
    const row = derived(edit({ ...defense, title: 'Defence, retitled' })).themeRows.find(
      ({ members }) => members.some((member) => member.id === defense.id),
    )!;
    expect(row.members.find((member) => member.id === defense.id)!.title).toBe('Defence, retitled');
    // What comes next is kept by its ids; each item shows its record as it is now.
    const soon = before.overview.upcoming[0]!;
    const upcoming = derived(edit({ ...first.byId.get(soon.id)!, title: 'Soon, retitled' }));
    expect(upcoming.overview.upcoming.map((item) => item.id)).toEqual(
      before.overview.upcoming.map((item) => item.id),
    );
    expect(upcoming.overview.upcoming[0]!.title).toBe('Soon, retitled');
    const actors = records[7]!.actors.map((actor, n) =>
      n === 0 ? { ...actor, name: 'X' } : actor,
    );
    const renamed = derived(edit({ ...records[7]!, actors }));
    expect(renamed.entities).not.toBe(before.entities);
    expect(renamed.network).not.toBe(before.network);
    expect(renamed.overview.places).toBe(before.overview.places);
  });
});

describe('nextSnapshot, counting engagements', () => {
  it('counts a theme by month again when a link alone joins two records of one month', () => {
    // Two records of one month and theme, made one engagement by a link and nothing else.
    const [a, b, ...rest] = generateBriefings({ count: 20, seed: 7 });
    const records = [a!, { ...b!, date: a!.date, themes: a!.themes }, ...rest];
    const first = buildSnapshot({ siteUrl, records, dataVersion: 1 });
    const before = derived(first);
    const next = nextSnapshot({
      previous: first,
      changed: new Map([
        [b!.id, { ...records[1]!, related: [{ id: a!.id, relation: 'part-of' }] }],
      ]),
      dataVersion: 2,
      documents: first.documents,
    });
    const afresh = buildSnapshot({ siteUrl, records: next.records, clean: false });
    expect(derived(next)).toEqual(derived(afresh));
    expect(derived(next).themeDensity).not.toEqual(before.themeDensity);
  });
});

/** What is derived from every record of a snapshot and may be kept by the next one. */
function derived(snapshot: Snapshot) {
  return {
    engagements: snapshotEngagements(snapshot),
    entities: entityIndex(snapshot),
    network: wholeNetworkView(snapshot),
    overview: buildOverview({ snapshot, count: 'engagements', today: '2026-12-05' }),
    byRecord: buildOverview({ snapshot, count: 'records', today: '2026-12-05' }),
    themeGroups: THEMES.map(({ id }) => themeParts({ snapshot, id }).groups()),
    themeRows: themeParts({ snapshot, id: 'defense' }).rows(Infinity),
    themeMarks: themeParts({ snapshot, id: 'defense' }).timeline(),
    // Every theme's, counted by month however few the records (the limit is the page's own).
    themeDensity: THEMES.map(({ id }) => themeParts({ snapshot, id, markLimit: 0 }).timeline()),
  };
}
