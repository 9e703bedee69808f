import { afterEach, describe, expect, it } from 'vitest';
import type { Briefing } from '@briefing/schema';
import { generateBriefings, makeBriefing } from '@briefing/schema/testing';
import { buildFeeds } from './build-feeds.js';
import { decodeKeysSnapshot } from './keys-snapshot.js';
import { createLiveFeeds, type LiveFeeds } from './live-feeds.js';
import { makeStoreFixture, type StoreFixture } from './test-support/store-fixture.js';
import { readXml, textOf } from './test-support/xml.js';

const SITE = 'https://briefing.example.org/';
const fixtures: StoreFixture[] = [];
const feeds: LiveFeeds[] = [];

afterEach(async () => {
  for (const live of feeds.splice(0)) live.close();
  for (const fixture of fixtures.splice(0)) await fixture.close();
});

async function liveOn(
  records: readonly Briefing[],
  {
    pageSize = 5,
    calendarSize,
    bounds = {},
  }: {
    pageSize?: number;
    calendarSize?: number;
    bounds?: { maxItemBytes?: number; maxKeptArchives?: number };
  } = {},
) {
  const fixture = await makeStoreFixture(records);
  fixtures.push(fixture);
  const live = await createLiveFeeds({
    store: fixture.store,
    siteUrl: SITE,
    pageSize,
    ...(calendarSize === undefined ? {} : { calendarSize }),
    ...bounds,
  });
  feeds.push(live);
  return { fixture, live };
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The entry titles of an Atom document, read back by a parser. */
function atomTitles(live: LiveFeeds, path: string): string[] {
  const xml = Buffer.from(live.file(path)!.body).toString('utf8');
  return asArray(readXml(xml).feed.entry).map((entry: { title: unknown }) => textOf(entry.title));
}

function etags(live: LiveFeeds): Map<string, string> {
  return new Map(live.paths().map((path) => [path, live.file(path)!.etag]));
}

/** A copy of a generated record, edited today-ish (a later revision date). */
function edited(record: Briefing, title: string, updated = '2031-06-01'): Briefing {
  return {
    ...record,
    title,
    revision: {
      ...record.revision,
      updated,
      changes: [...record.revision.changes, { date: updated, note: 'Edited' }],
    },
  };
}

describe('createLiveFeeds', { timeout: 30_000 }, () => {
  it('serves every file buildFeeds writes, with the same bytes', async () => {
    const records = generateBriefings({ count: 60 });
    // The calendar one subscribes to cut at 10 events, the rest in the years' calendars.
    const { live } = await liveOn(records, { calendarSize: 10 });
    const built = buildFeeds({ records, siteUrl: SITE, pageSize: 5, calendarSize: 10 });
    expect(live.paths().sort()).toEqual([...built.files.keys()].sort());
    expect(live.paths().filter((path) => path.startsWith('/feeds/calendar/')).length).toBe(
      new Set(records.map((record) => record.date.start.slice(0, 4))).size,
    );
    for (const [path, file] of built.files) {
      expect(Buffer.from(live.file(path)!.body).equals(Buffer.from(file.body)), path).toBe(true);
      expect(live.file(path)!.etag, path).toBe(file.etag);
    }
  });

  it('serves the same bytes with room for a few items and archives only, before and after an edit', async () => {
    const records = generateBriefings({ count: 60 });
    // Room for about five items of a format, and two archives: most documents push out items
    // another needs, and the items of one document push out each other.
    const { fixture, live } = await liveOn(records, {
      calendarSize: 10,
      bounds: { maxItemBytes: 8_000, maxKeptArchives: 2 },
    });
    const expectBytesOf = (built: ReturnType<typeof buildFeeds>) => {
      expect(live.paths().sort()).toEqual([...built.files.keys()].sort());
      for (const [path, file] of built.files) {
        const served = live.file(path)!;
        expect(Buffer.from(served.body).equals(Buffer.from(file.body)), path).toBe(true);
        expect(served.etag, path).toBe(file.etag);
      }
    };
    const options = { siteUrl: SITE, pageSize: 5, calendarSize: 10 };
    // Twice: the second time, most documents and items are made again.
    expectBytesOf(buildFeeds({ records, ...options }));
    expectBytesOf(buildFeeds({ records, ...options }));
    const target = records[17]!;
    await fixture.write(edited(target, 'A corrected title'));
    expectBytesOf(
      buildFeeds({
        records: records.map((record) =>
          record.id === target.id ? edited(target, 'A corrected title') : record,
        ),
        ...options,
      }),
    );
  });

  it("makes a full build's documents from the items rendered for it, as buildFeeds does", async () => {
    const records = generateBriefings({ count: 60 });
    const { live } = await liveOn(records, { calendarSize: 10 });
    const built = buildFeeds({ records, siteUrl: SITE, pageSize: 5, calendarSize: 10 });
    // As a build: every item rendered and every document laid out, then every document made.
    live.batch(() => {
      live.warm();
      for (const [path, file] of built.files) {
        const made = live.file(path)!;
        expect(Buffer.from(made.body).equals(Buffer.from(file.body)), path).toBe(true);
        expect(made.etag, path).toBe(file.etag);
      }
    });
  });

  it('lays out every document ahead of a full build, and lays out again those an edit moved', async () => {
    const records = generateBriefings({ count: 60 });
    const { fixture, live } = await liveOn(records, { calendarSize: 10 });
    // A full build's first step: every item rendered, every document laid out.
    live.batch(() => live.warm());
    // An edit that moves the record to the front of its scopes, before any document is made.
    const target = records[17]!;
    await fixture.write(edited(target, 'A corrected title'));
    const built = buildFeeds({
      records: records.map((record) =>
        record.id === target.id ? edited(target, 'A corrected title') : record,
      ),
      siteUrl: SITE,
      pageSize: 5,
      calendarSize: 10,
    });
    live.batch(() => {
      expect(live.paths().sort()).toEqual([...built.files.keys()].sort());
      for (const [path, file] of built.files) {
        const served = live.file(path)!;
        expect(Buffer.from(served.body).equals(Buffer.from(file.body)), path).toBe(true);
        expect(served.etag, path).toBe(file.etag);
      }
    });
  });

  it('answers no document for paths that are not feeds, and keeps none of them', async () => {
    const { live } = await liveOn([makeBriefing()]);
    for (const path of [
      '/feeds/themes/nothing.atom',
      '/feeds/archive/all/1.atom',
      '/feeds/archive/all/01.atom',
      '/feeds/all.xml',
      '/feeds/countries/zzz.rss',
      '/feeds/archive/themes/space.rss',
    ]) {
      expect(live.file(path), path).toBeUndefined();
    }
    // Themes and types have feeds even with no records.
    expect(live.file('/feeds/themes/space.atom')).toBeDefined();
  });

  it.each([
    ['its title', (record: Briefing) => edited(record, 'A corrected title')],
    [
      'its date, into another year',
      (record: Briefing) => ({
        ...edited(record, 'A corrected title'),
        date: { start: '1999-02-03', precision: 'day' as const },
      }),
    ],
  ])(
    'an edit of %s changes the documents that hold the record and no other',
    async (_what, edit) => {
      const records = generateBriefings({ count: 40 });
      const { fixture, live } = await liveOn(records, { calendarSize: 10 });
      const before = etags(live);
      // A record whose year's calendar holds another one (and so stays, changed).
      const yearOf = (record: Briefing) => record.date.start.slice(0, 4);
      const target = records.find(
        (record) => records.filter((other) => yearOf(other) === yearOf(record)).length > 1,
      )!;
      const updates: string[][] = [];
      live.onUpdate(({ ids }) => updates.push(ids));
      await fixture.write(edit(target));
      expect(fixture.store.problems()).toEqual([]);
      expect(updates).toEqual([[target.id]]);
      expect(atomTitles(live, '/feeds/all.atom')[0]).toBe('A corrected title');
      const after = etags(live);
      const rebuilt = buildFeeds({
        records: records.map((record) => (record.id === target.id ? edit(target) : record)),
        siteUrl: SITE,
        pageSize: 5,
        calendarSize: 10,
      });
      const original = buildFeeds({ records, siteUrl: SITE, pageSize: 5, calendarSize: 10 });
      expect([...after.keys()].sort()).toEqual([...rebuilt.files.keys()].sort());
      let kept = 0;
      let calendarsKept = 0;
      for (const [path, file] of rebuilt.files) {
        expect(after.get(path), path).toBe(file.etag);
        // A document keeps its ETag exactly when its bytes did not change.
        const same = original.files.get(path)?.etag === file.etag;
        expect(after.get(path) === before.get(path), path).toBe(same);
        if (same) kept += 1;
        if (same && path.startsWith('/feeds/calendar/')) calendarsKept += 1;
      }
      expect(kept).toBeGreaterThan(0);
      // The years the edit did not touch.
      expect(calendarsKept).toBeGreaterThan(0);
      // Documents no longer there (a year left empty, a country's feed) are not served.
      for (const path of before.keys())
        if (!after.has(path)) expect(live.file(path), path).toBeUndefined();
    },
  );

  it('follows added and deleted records, new countries included', async () => {
    const records = generateBriefings({ count: 12 });
    const { fixture, live } = await liveOn(records);
    const added = makeBriefing({
      id: 'added-record',
      title: 'Added while serving',
      revision: {
        created: '2031-06-01',
        updated: '2031-06-01',
        changes: [{ date: '2031-06-01', note: 'Created' }],
      },
      places: [{ name: 'Ulaanbaatar', country: 'MNG', lat: 47.92, lon: 106.92 }],
    });
    await fixture.write(added);
    expect(atomTitles(live, '/feeds/all.atom')[0]).toBe('Added while serving');
    expect(atomTitles(live, '/feeds/countries/mng.atom')).toEqual(['Added while serving']);
    expect(Buffer.from(live.file('/feeds/feeds.opml')!.body).toString()).toContain(
      '/feeds/countries/mng.atom',
    );
    await fixture.remove('added-record');
    expect(atomTitles(live, '/feeds/all.atom')).not.toContain('Added while serving');
    expect(live.file('/feeds/countries/mng.atom')).toBeUndefined();
    const rebuilt = buildFeeds({ records, siteUrl: SITE, pageSize: 5 });
    expect(live.paths().sort()).toEqual([...rebuilt.files.keys()].sort());
    for (const [path, file] of rebuilt.files) expect(live.file(path)!.etag, path).toBe(file.etag);
  });

  it('dates documents by the store: stable without changes, later after one', async () => {
    // Revised in the past: the store's commit times, not the records' dates, decide.
    const records = ['a', 'b', 'c', 'd'].map((id) => makeBriefing({ id: `record-${id}` }));
    const { fixture, live } = await liveOn(records);
    const first = live.file('/feeds/all.atom')!.lastModified;
    const again = await createLiveFeeds({ store: fixture.store, siteUrl: SITE, pageSize: 5 });
    feeds.push(again);
    // A restart with nothing changed: the same dates (the store's last commit is kept in it).
    expect(again.file('/feeds/all.atom')!.lastModified).toEqual(first);
    const calendar = live.file('/feeds/calendar.ics')!.lastModified;
    // A same-day edit (no later revision date) still moves the date forward.
    const target = records[3]!;
    await new Promise((done) => setTimeout(done, 1100));
    await fixture.write({ ...target, summary: 'A corrected summary.' });
    const touched = live.file('/feeds/all.atom')!;
    expect(touched.lastModified.getTime()).toBeGreaterThan(first.getTime());
    expect(live.file('/feeds/calendar.ics')!.lastModified.getTime()).toBeGreaterThan(
      calendar.getTime(),
    );
  });
});

describe('createLiveFeeds with the keys of an earlier process', { timeout: 30_000 }, () => {
  it('takes unchanged records from the snapshot and reads the changed ones from the store', async () => {
    const records = generateBriefings({ count: 40 });
    const { fixture, live } = await liveOn(records);
    const snapshot = live.keysSnapshot()!;
    live.close();
    const [changed, unchanged] = [records[4]!, records[9]!];
    await fixture.write(edited(changed, 'Edited after the snapshot'));
    await fixture.remove(records[12]!.id);

    const fromSnapshot = await createLiveFeeds({
      store: fixture.store,
      siteUrl: SITE,
      pageSize: 5,
      previousKeys: () => snapshot,
    });
    feeds.push(fromSnapshot);
    const fromStore = await createLiveFeeds({ store: fixture.store, siteUrl: SITE, pageSize: 5 });
    feeds.push(fromStore);
    expect(fromSnapshot.paths()).toEqual(fromStore.paths());
    for (const path of fromStore.paths()) {
      const [a, b] = [fromSnapshot.file(path)!, fromStore.file(path)!];
      expect(Buffer.from(a.body).equals(Buffer.from(b.body)), path).toBe(true);
    }
    expect(atomTitles(fromSnapshot, '/feeds/all.atom')[0]).toBe('Edited after the snapshot');
    const decoded = (feeds: LiveFeeds) =>
      decodeKeysSnapshot({ text: feeds.keysSnapshot()!, build: feeds.fingerprint });
    expect(decoded(fromSnapshot)).toEqual(decoded(fromStore));

    // The snapshot is what orders the unchanged records: a key altered in it (its hash kept)
    // moves that record, which shows it was not read from the store.
    const altered = JSON.parse(snapshot) as { records: unknown[][] };
    const entry = altered.records.find((row) => row[0] === unchanged.id)!;
    entry[3] = '2040-01-01';
    const trusting = await createLiveFeeds({
      store: fixture.store,
      siteUrl: SITE,
      pageSize: 5,
      previousKeys: () => JSON.stringify(altered),
    });
    feeds.push(trusting);
    expect(atomTitles(trusting, '/feeds/all.atom')[0]).toBe(unchanged.title);
  });

  it('reads every record from the store when the snapshot is of other options', async () => {
    const records = generateBriefings({ count: 20 });
    const { fixture, live } = await liveOn(records);
    const snapshot = live.keysSnapshot()!;
    const altered = JSON.parse(snapshot) as { records: unknown[][] };
    altered.records[0]![3] = '2040-01-01';
    const other = await createLiveFeeds({
      store: fixture.store,
      siteUrl: 'https://mirror.example.net/',
      pageSize: 5,
      previousKeys: () => JSON.stringify(altered),
    });
    feeds.push(other);
    expect(atomTitles(other, '/feeds/all.atom')).toEqual(atomTitles(live, '/feeds/all.atom'));
  });
});

describe('createLiveFeeds and the calendar', { timeout: 60_000 }, () => {
  /** Counts turns of the event loop (where other requests are answered) while `work` runs. */
  async function turnsDuring(work: () => Promise<unknown> | undefined): Promise<number> {
    let turns = 0;
    let waiting = true;
    const turn = () => {
      turns += 1;
      if (waiting) setImmediate(turn);
    };
    setImmediate(turn);
    await work();
    waiting = false;
    return turns;
  }

  it('has the calendar wait for its events, rendered a slice at a time, not all at once', async () => {
    const records = generateBriefings({ count: 300 });
    const { live } = await liveOn(records);
    const calendar = '/feeds/calendar.ics';
    expect(live.whenReady('/feeds/all.atom')).toBeUndefined();
    expect(live.whenReady(calendar)).toBeInstanceOf(Promise);
    // Ten events a slice: about one turn a slice (all at once, there would be one or two). One
    // wait covers everything (the events, then the body joined), as a server waits once.
    expect(await turnsDuring(() => live.whenReady(calendar))).toBeGreaterThanOrEqual(20);
    expect(live.whenReady(calendar)).toBeUndefined();
    const text = Buffer.from(live.file(calendar)!.body).toString('utf8');
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(300);
  });

  it("has a year's calendar wait for its events too, and no path that is not a calendar", async () => {
    const records = generateBriefings({ count: 3000 });
    const { live } = await liveOn(records);
    const year = records[0]!.date.start.slice(0, 4);
    const path = `/feeds/calendar/${year}.ics`;
    const count = records.filter((record) => record.date.start.startsWith(year)).length;
    expect(count).toBeGreaterThan(60);
    expect(live.whenReady('/feeds/calendar/1900.ics')).toBeUndefined();
    expect(live.file('/feeds/calendar/1900.ics')).toBeUndefined();
    expect(await turnsDuring(() => live.whenReady(path))).toBeGreaterThanOrEqual(count / 10 - 1);
    expect(live.whenReady(path)).toBeUndefined();
    const text = Buffer.from(live.file(path)!.body).toString('utf8');
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(count);
  });

  it('joins the calendar made again after an edit a slice at a time, to the bytes it has', async () => {
    // Over a megabyte of calendar: joined in three slices or more, two turns between them.
    const records = generateBriefings({ count: 1500 });
    const { fixture, live } = await liveOn(records, { calendarSize: 1500 });
    const calendar = '/feeds/calendar.ics';
    await live.whenReady(calendar);
    await fixture.write(edited(records[7]!, 'A corrected title'));
    let waiting: Promise<void> | undefined;
    const turns = await turnsDuring(() => (waiting = live.whenReady(calendar)));
    expect(waiting).toBeInstanceOf(Promise);
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(live.whenReady(calendar)).toBeUndefined();
    const file = live.file(calendar)!;
    expect(file.body.byteLength).toBeGreaterThan(1024 * 1024);
    // The same bytes and ETag as a calendar made at once by feeds that never joined it.
    const other = await createLiveFeeds({
      store: fixture.store,
      siteUrl: SITE,
      pageSize: 5,
      calendarSize: 1500,
    });
    feeds.push(other);
    const fresh = other.file(calendar)!;
    expect(Buffer.from(file.body).equals(Buffer.from(fresh.body))).toBe(true);
    expect(file.etag).toBe(fresh.etag);
    expect(Buffer.from(file.body).toString('utf8')).toContain('A corrected title');
  });
});
