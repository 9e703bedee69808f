import { makeBriefing } from '@briefing/schema/testing';
import { briefingToYaml } from '@briefing/schema/node';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStore, loadStore, localSiteUrl } from './store.js';

describe('buildStore', () => {
  it('lists the records that link to one in event order, not id order', () => {
    const day = (start: string) => ({ start, precision: 'day' as const });
    const leg = (id: string, start: string) =>
      makeBriefing({ id, date: day(start), related: [{ id: 'trip', relation: 'part-of' }] });
    const store = buildStore({
      siteUrl: 'https://briefing.example.org/',
      records: [
        leg('a-oceanarium', '2023-09-17'),
        leg('b-knaaz', '2023-09-15'),
        leg('c-vostochny', '2023-09-13'),
        makeBriefing({ id: 'trip', date: { ...day('2023-09-12'), end: '2023-09-17' } }),
      ],
    });
    expect(store.related.get('trip')?.map((link) => [link.id, link.direction])).toEqual([
      ['c-vostochny', 'incoming'],
      ['b-knaaz', 'incoming'],
      ['a-oceanarium', 'incoming'],
    ]);
  });
});

describe('loadStore', () => {
  it('dates the feeds it serves at startup, not at the record dates a restart cannot tell apart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'briefing-store-'));
    try {
      const record = makeBriefing();
      await writeFile(join(dir, `${record.id}.yaml`), briefingToYaml(record));
      const started = Math.floor(Date.now() / 1000) * 1000;
      const store = await loadStore({ dir, siteUrl: 'https://briefing.example.org/' });
      const atom = store.feeds.files.get('/feeds/all.atom')!;
      expect(atom.lastModified.getTime()).toBeGreaterThanOrEqual(started);
      expect(atom.lastModified.getTime()).toBeLessThanOrEqual(Date.now());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('localSiteUrl', () => {
  it.each([
    ['8080', 'http://localhost:8080'],
    [undefined, 'http://localhost:3000'],
    ['', 'http://localhost:3000'],
    ['0', 'http://localhost:3000'],
  ])('for PORT %j is %s', (port, url) => {
    expect(localSiteUrl(port)).toBe(url);
  });
});
