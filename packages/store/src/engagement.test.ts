import { unlink } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_TRIP_2023_09, SEEDS_DIR } from '@briefing/schema/testing';
import type { Store } from './store.js';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

const TRIP = SEED_TRIP_2023_09.root;

const day = (start: string) => ({ start, precision: 'day' as const });
const trip = record('trip', { date: { start: '2023-09-12', end: '2023-09-17', precision: 'day' } });
const leg = (related: 'trip' | 'none') =>
  record('leg', {
    date: day('2023-09-13'),
    ...(related === 'trip' ? { related: [{ id: 'trip', relation: 'part-of' as const }] } : {}),
  });
const remarks = record('remarks', {
  date: day('2023-09-14'),
  related: [{ id: 'leg', relation: 'follows' }],
});

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture(trip, leg('trip'), remarks);
});
afterEach(() => fixture.remove());

const members = (store: Store, id: string) => {
  const engagement = store.engagement(id);
  return engagement && [engagement.root.id, engagement.members.map((member) => member.id)];
};

describe('engagements in the store', () => {
  it('groups the seed records: the Sep 2023 trip of Kim Jong Un is one engagement', async () => {
    const store = await fixture.open({ dir: SEEDS_DIR });
    expect(store.problems()).toEqual([]);
    const engagement = store.engagement('kremlin-remarks-after-vostochny-2023-09');
    expect(engagement?.root.id).toBe(TRIP);
    expect(engagement?.members.map((member) => member.id).sort()).toEqual(
      SEED_TRIP_2023_09.members,
    );
    const defense = (count: 'records' | 'engagements') =>
      store
        .monthThemeCounts({ count })
        .find((cell) => cell.month === '2023-09' && cell.theme === 'defense')?.count;
    expect(defense('engagements')).toBe(1);
    expect(defense('records')).toBeGreaterThan(1);

    const september = store.list({
      query: { themes: ['defense'], from: '2023-09-01', to: '2023-09-30' },
      rows: 'engagements',
      count: 'engagements',
    });
    expect(september.engagementTotal).toBe(1);
    expect(september.total).toBeGreaterThan(1);
    expect(september.facets.themes.find((facet) => facet.value === 'defense')?.count).toBe(1);
    expect(september.engagements?.map((group) => [group.id, group.lead.id])).toEqual([
      [TRIP, TRIP],
    ]);
    expect(september.engagements?.[0]?.members.length).toBe(september.total);
  });

  it('regroups in the update that changes a link, and keeps the groups after a reopen', async () => {
    let store = await fixture.open();
    expect(members(store, 'remarks')).toEqual(['trip', ['trip', 'leg', 'remarks']]);

    await fixture.write(leg('none'));
    await store.sync();
    expect(members(store, 'remarks')).toEqual(['leg', ['leg', 'remarks']]);
    expect(members(store, 'trip')).toEqual(['trip', ['trip']]);
    expect(store.list({}).engagementTotal).toBe(2);
    expect(store.list({ facets: false })).toMatchObject({ total: 3, engagementTotal: 2 });

    await fixture.write(leg('trip'));
    await store.sync();
    await store.close();
    store = await fixture.open();
    expect(members(store, 'leg')).toEqual(['trip', ['trip', 'leg', 'remarks']]);
    expect(store.list({}).engagementTotal).toBe(1);

    // The root gone: its legs are engagements of their own again.
    await unlink(join(fixture.dir, 'trip.yaml'));
    await store.sync();
    expect(members(store, 'remarks')).toEqual(['leg', ['leg', 'remarks']]);
    expect(store.engagement('trip')).toBeUndefined();
    // The totals alone (counted from the engagements' index) agree with the facets' count.
    expect(store.list({ facets: false })).toMatchObject({ total: 2, engagementTotal: 1 });
    expect(store.list({}).engagementTotal).toBe(1);
  });

  it("keeps the whole list's totals right across edits, additions, removals and regroupings", async () => {
    const store = await fixture.open();
    const totals = () => {
      const { total, engagementTotal } = store.list({ facets: false });
      return [total, engagementTotal];
    };
    // The trip, its leg and the remarks that follow the leg: three records, one engagement.
    expect(totals()).toEqual([3, 1]);
    // The index's mark of when the totals last moved, which readers keep them until.
    const countsVersion = () => {
      const db = new DatabaseSync(store.indexPath, { readOnly: true });
      try {
        return (
          db.prepare("SELECT value FROM meta WHERE key = 'counts_version'").get() as
            { value: string } | undefined
        )?.value;
      } finally {
        db.close();
      }
    };
    const firstCounts = countsVersion();
    expect(firstCounts).toBeDefined();
    // An edit that changes neither, its dates included: the same totals, kept, not counted again.
    await fixture.write(
      record('remarks', { ...remarks, title: 'Remarks, revised', date: day('2023-09-15') }),
    );
    await store.sync();
    expect(store.get('remarks')?.title).toBe('Remarks, revised');
    expect(totals()).toEqual([3, 1]);
    expect(countsVersion()).toBe(firstCounts);
    // The leg leaves the trip, the remarks with it: two engagements.
    await fixture.write(leg('none'));
    await store.sync();
    expect(totals()).toEqual([3, 2]);
    await fixture.write(record('other', { date: day('2023-10-01') }));
    await store.sync();
    expect(totals()).toEqual([4, 3]);
    expect(countsVersion()).not.toBe(firstCounts);
    await unlink(join(fixture.dir, 'other.yaml'));
    await store.sync();
    expect(totals()).toEqual([3, 2]);
    await fixture.write(leg('trip'));
    await store.sync();
    expect(totals()).toEqual([3, 1]);
  });

  it('makes each record of a circle its own engagement, and reports the circle', async () => {
    await fixture.write(record('trip', { related: [{ id: 'remarks', relation: 'follows' }] }));
    const store = await fixture.open();
    expect(members(store, 'trip')).toEqual(['trip', ['trip']]);
    expect(members(store, 'leg')).toEqual(['leg', ['leg']]);
    expect(store.problems().map((problem) => problem.message)).toEqual([
      'part-of, announces and follows links go round in a circle (leg → trip → remarks → leg); remove one so that the engagement has a root',
    ]);
  });
});
