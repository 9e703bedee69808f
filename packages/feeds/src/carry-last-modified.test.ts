import { describe, expect, it } from 'vitest';
import { makeBriefing } from '@briefing/schema/testing';
import { buildFeeds } from './build-feeds.js';
import { carryLastModified } from './carry-last-modified.js';

const SITE = 'https://briefing.example.org/';
const now = new Date('2031-01-01T10:20:30.456Z');

describe('carryLastModified', () => {
  const before = buildFeeds({ records: [makeBriefing()], siteUrl: SITE });

  it('moves Last-Modified to the rebuild time when bytes change on the same record date', () => {
    const edited = buildFeeds({
      records: [makeBriefing({ title: 'Edited, same day' })],
      siteUrl: SITE,
    });
    const carried = carryLastModified({ previous: before, next: edited, now });
    const file = carried.files.get('/feeds/all.atom')!;
    expect(file.lastModified.toISOString()).toBe('2031-01-01T10:20:30.000Z');
    expect(file.etag).toBe(edited.files.get('/feeds/all.atom')!.etag);
    expect(file.body).toBe(edited.files.get('/feeds/all.atom')!.body);
  });

  it('keeps the earlier Last-Modified of a file whose bytes did not change', () => {
    const first = carryLastModified({
      previous: before,
      next: buildFeeds({ records: [makeBriefing({ title: 'Edited' })], siteUrl: SITE }),
      now,
    });
    const same = buildFeeds({ records: [makeBriefing({ title: 'Edited' })], siteUrl: SITE });
    const second = carryLastModified({ previous: first, next: same, now: new Date('2032-01-01') });
    expect(second.files.get('/feeds/all.atom')!.lastModified.toISOString()).toBe(
      '2031-01-01T10:20:30.000Z',
    );
  });

  it('dates every file of the first set served at the start, in whole seconds', () => {
    const served = carryLastModified({ next: before, now });
    expect(served.files.size).toBe(before.files.size);
    for (const [path, file] of served.files) {
      expect(file.lastModified.toISOString(), path).toBe('2031-01-01T10:20:30.000Z');
      expect(file.body).toBe(before.files.get(path)!.body);
    }
  });

  it('moves Last-Modified forward when a record is deleted, though the newest date falls', () => {
    const older = makeBriefing({
      id: 'older',
      revision: {
        created: '2020-01-10',
        updated: '2020-01-10',
        changes: [{ date: '2020-01-10', note: 'Created.' }],
      },
    });
    const both = carryLastModified({
      next: buildFeeds({ records: [makeBriefing(), older], siteUrl: SITE }),
      now,
    });
    const later = new Date('2031-01-02T08:00:00Z');
    const oneLeft = carryLastModified({
      previous: both,
      next: buildFeeds({ records: [older], siteUrl: SITE }),
      now: later,
    });
    expect(oneLeft.files.get('/feeds/all.atom')!.lastModified.toISOString()).toBe(
      later.toISOString(),
    );
  });

  it('keeps the record date when it moved forward', () => {
    const later = makeBriefing({
      revision: {
        created: '2024-01-10',
        updated: '2024-06-01',
        changes: [
          { date: '2024-01-10', note: 'Created.' },
          { date: '2024-06-01', note: 'Edited.' },
        ],
      },
    });
    const next = buildFeeds({ records: [later], siteUrl: SITE });
    const carried = carryLastModified({ previous: before, next, now });
    expect(carried.files.get('/feeds/all.atom')!.lastModified.toISOString()).toBe(
      '2024-06-01T00:00:00.000Z',
    );
  });
});
