// The live feeds behind the node:http server, on a real store following a real folder with its
// watcher: edits made as files reach the right documents over HTTP on 127.0.0.1.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Briefing } from '@briefing/schema';
import { generateBriefings, makeBriefing } from '@briefing/schema/testing';
import { watchStore } from '@briefing/store';
import { createLiveFeeds, type LiveFeeds, type LiveUpdate } from './live-feeds.js';
import { createFeedServer } from './node-server.js';
import { close, get, listen } from './test-support/http.js';
import {
  makeStoreFixture,
  writeRecordFile,
  type StoreFixture,
} from './test-support/store-fixture.js';
import { readXml, textOf } from './test-support/xml.js';

const SITE = 'https://briefing.example.org/';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serving(records: readonly Briefing[]) {
  const fixture: StoreFixture = await makeStoreFixture(records);
  cleanups.push(() => fixture.close());
  const live: LiveFeeds = await createLiveFeeds({
    store: fixture.store,
    siteUrl: SITE,
    pageSize: 5,
  });
  cleanups.push(() => live.close());
  const watcher = watchStore({ store: fixture.store, debounceMs: 20 });
  cleanups.push(() => watcher.close());
  const logged: string[] = [];
  const server = createFeedServer({ getFeeds: () => live, log: (line) => logged.push(line) });
  const base = await listen(server);
  cleanups.push(() => close(server));
  /** Resolves with the next update the live feeds apply. */
  const nextUpdate = () =>
    new Promise<LiveUpdate>((done) => {
      const stop = live.onUpdate((update) => {
        stop();
        done(update);
      });
    });
  return { fixture, live, base, logged, nextUpdate };
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const titles = (body: Buffer): string[] =>
  asArray(readXml(body.toString('utf8')).feed.entry).map((entry: { title: unknown }) =>
    textOf(entry.title),
  );
const revised = (record: Briefing, changes: Partial<Briefing>): Briefing => ({
  ...record,
  ...changes,
  revision: {
    ...record.revision,
    updated: '2031-06-01',
    changes: [...record.revision.changes, { date: '2031-06-01', note: 'Edited' }],
  },
});

describe('live feeds over HTTP, following a watched folder', { timeout: 30_000 }, () => {
  it('an edit, an addition and a deletion reach exactly the documents that hold them', async () => {
    const records = generateBriefings({ count: 30 });
    const { fixture, base, nextUpdate } = await serving(records);
    // Added last: in the newest archive, so the oldest archive holds neither it nor the addition.
    const target = [...records].sort((a, b) =>
      b.revision.created.localeCompare(a.revision.created),
    )[0]!;
    const archive = '/feeds/archive/all/1.atom';
    const archiveBefore = await get(`${base}${archive}`);
    expect(archiveBefore.status).toBe(200);
    const otherType = records.find((record) => record.type !== target.type)!.type;
    const untouched = `/feeds/types/${otherType}.atom`;
    const before = await get(`${base}/feeds/all.atom`);
    const other = await get(`${base}${untouched}`);
    expect(before.status).toBe(200);
    // A poll with the ETag it holds: 304.
    const polled = await get(`${base}/feeds/all.atom`, {
      headers: { 'if-none-match': before.headers.etag as string },
    });
    expect(polled.status).toBe(304);

    // Edit: the record is now the newest update, with its new title, in its type's feed.
    let update = nextUpdate();
    await writeRecordFile(fixture.dir, revised(target, { title: 'Edited on disk' }));
    expect((await update).ids).toEqual([target.id]);
    const after = await get(`${base}/feeds/all.atom`, {
      headers: { 'if-none-match': before.headers.etag as string },
    });
    expect(after.status).toBe(200);
    expect(titles(after.body)[0]).toBe('Edited on disk');
    expect(titles((await get(`${base}/feeds/types/${target.type}.atom`)).body)[0]).toBe(
      'Edited on disk',
    );

    // Added, of a type it shares with no earlier update.
    update = nextUpdate();
    const added = makeBriefing({
      id: 'added-on-disk',
      title: 'Added on disk',
      type: target.type,
      revision: {
        created: '2031-07-01',
        updated: '2031-07-01',
        changes: [{ date: '2031-07-01', note: 'Created' }],
      },
    });
    await writeRecordFile(fixture.dir, added);
    expect((await update).ids).toEqual(['added-on-disk']);
    expect(titles((await get(`${base}/feeds/all.atom`)).body).slice(0, 2)).toEqual([
      'Added on disk',
      'Edited on disk',
    ]);
    const archiveAfter = await get(`${base}${archive}`, {
      headers: { 'if-none-match': archiveBefore.headers.etag as string },
    });
    expect(archiveAfter.status).toBe(304);

    // Deleted: gone from every feed it was in.
    update = nextUpdate();
    await rm(join(fixture.dir, 'added-on-disk.yaml'));
    expect((await update).ids).toEqual(['added-on-disk']);
    const final = titles((await get(`${base}/feeds/all.atom`)).body);
    expect(final).not.toContain('Added on disk');
    expect(final[0]).toBe('Edited on disk');
    // The other type's subscription feed changed only in its coverage line, if at all.
    const otherNow = await get(`${base}${untouched}`);
    expect(titles(otherNow.body)).toEqual(titles(other.body));
  });

  it('keeps the last valid version of a record whose file becomes invalid', async () => {
    const records = generateBriefings({ count: 5 });
    const { fixture, base } = await serving(records);
    const before = await get(`${base}/feeds/all.atom`);
    await import('node:fs/promises').then(({ writeFile }) =>
      writeFile(join(fixture.dir, `${records[0]!.id}.yaml`), 'id: broken\n'),
    );
    await fixture.store.sync({ names: [`${records[0]!.id}.yaml`] });
    const after = await get(`${base}/feeds/all.atom`);
    expect(after.headers.etag).toBe(before.headers.etag);
  });

  it('answers a malformed URL with 400, security headers and one log line', async () => {
    const { base, logged } = await serving([makeBriefing()]);
    const response = await get(`${base}/feeds/%E0%A4%A.atom`);
    expect(response.status).toBe(400);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(logged).toEqual(['briefing-feeds: 400 malformed URL "/feeds/%E0%A4%A.atom"']);
  });
});
