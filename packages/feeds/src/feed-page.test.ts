import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '@briefing/schema';
import { makeBriefing } from '@briefing/schema/testing';
import { buildFeeds, type FeedSet } from './build-feeds.js';
import { paginate, ScopePages, scopePages } from './feed-page.js';
import { fileText, loadSeeds } from './test-support/feed-set.js';

const SITE = 'https://briefing.example.org';
const PAGE_SIZE = 5;

const key = (recordId: string, created: string, updated: string) => ({
  recordId,
  published: new Date(`${created}T00:00:00Z`),
  updated: new Date(`${updated}T00:00:00Z`),
  eventStart: '2024-01-01',
});

describe('paginate', () => {
  it('keeps a scope that fits one page in the current document, with no archive', () => {
    const items = [key('b', '2024-01-02', '2024-01-02'), key('a', '2024-01-01', '2024-01-01')];
    expect(paginate({ items, pageSize: 2 })).toEqual({ current: items, archives: [] });
  });

  it('archives every item by creation once a scope outgrows a page; current = newest updates', () => {
    const edited = key('a', '2024-01-01', '2024-06-01');
    const items = [
      edited,
      key('d', '2024-01-04', '2024-01-04'),
      key('c', '2024-01-03', '2024-01-03'),
      key('b', '2024-01-02', '2024-01-02'),
    ];
    const { current, archives } = paginate({ items, pageSize: 2 });
    expect(current.map((item) => item.recordId)).toEqual(['a', 'd']);
    expect(archives.map((page) => page.map((item) => item.recordId))).toEqual([
      ['a', 'b'],
      ['d', 'c'],
    ]);
  });
});

/** `count` keys added over January, updated in a scattered order over February, newest first. */
const scatteredKeys = (count: number, step: number) =>
  Array.from({ length: count }, (_, index) =>
    key(
      `r${String(index).padStart(2, '0')}`,
      `2024-01-${String(1 + (index % 28)).padStart(2, '0')}`,
      `2024-02-${String(1 + ((index * step) % 28)).padStart(2, '0')}`,
    ),
  ).sort((a, b) => b.updated.getTime() - a.updated.getTime() || (a.recordId < b.recordId ? -1 : 1));

describe('ScopePages', () => {
  // 23 items, 5 to a page: a current document and 5 archives, the last one not full.
  const items = scatteredKeys(23, 7);
  const options = {
    scope: { kind: 'all' as const },
    items,
    siteUrl: 'https://briefing.example.org/',
    pageSize: PAGE_SIZE,
    emptyUpdated: new Date(0),
    coverageNote: 'Covers 2024.',
  };

  it('makes each page, asked for in any order, as making every page at once does', () => {
    const every = scopePages(options);
    const { current, archives } = paginate({ items, pageSize: PAGE_SIZE });
    expect(every.map((page) => page.items)).toEqual([current, ...archives]);
    const pages = new ScopePages(options);
    expect(pages.count).toBe(6);
    for (const index of [5, 0, 3, 1, 4, 2]) {
      expect(pages.page(index)).toEqual(every[index]);
      expect(pages.self(index)).toEqual(every[index]!.self);
    }
    expect(every[5]!.nextArchive).toBeUndefined();
    expect(every[0]!.prevArchive).toEqual(every[5]!.self);
  });

  it('gives a build that makes every archive the same items, past the first few each sorted', () => {
    // 60 items, 2 to a page: 30 archives, more than are made one by one before the rest are
    // dealt out at once; asked for from the newest, then the rest in any order.
    const many = scatteredKeys(60, 11);
    const { archives } = paginate({ items: many, pageSize: 2 });
    // Every archive once, in a scattered order (7 and 30 have no common factor).
    const order = [...archives.keys()].sort((a, b) => ((a * 7) % 30) - ((b * 7) % 30));
    // The keys the scope orders by creation: its own, or copies (then each archive is sorted).
    const copies = [...many]
      .sort(
        (a, b) =>
          a.published.getTime() - b.published.getTime() || (a.recordId < b.recordId ? -1 : 1),
      )
      .map((item) => ({ ...item }));
    for (const byCreation of [undefined, copies]) {
      const pages = new ScopePages({
        ...options,
        items: many,
        pageSize: 2,
        ...(byCreation === undefined ? {} : { byCreation }),
      });
      expect(pages.count).toBe(31);
      for (const index of order) expect(pages.page(index + 1).items).toEqual(archives[index]);
    }
  });

  it('takes from the pages it replaces the archives that list the very same items', () => {
    const before = new ScopePages(options);
    const made = before.all();
    // r07 edited (a new key object, as RecordKeys makes one), now the newest update.
    const edited = {
      ...items.find((item) => item.recordId === 'r07')!,
      updated: new Date('2024-03-01'),
    };
    const after = [edited, ...items.filter((item) => item.recordId !== 'r07')];
    const next = new ScopePages({ ...options, items: after, previous: before });
    const fresh = scopePages({ ...options, items: after });
    // The same pages as made from nothing, field for field.
    expect(next.all()).toEqual(fresh);
    // Its archive (by creation: r05–r09 is the second) is made again; the others are taken.
    const archiveOf = (index: number) => next.page(index) === made[index];
    expect([1, 2, 3, 4, 5].map(archiveOf)).toEqual([true, false, true, true, true]);
    expect(next.page(0)).not.toBe(made[0]);
  });

  it('takes no archive from pages of another count (their links to other archives differ)', () => {
    const before = new ScopePages(options);
    const made = before.all();
    const added = key('r99', '2024-01-28', '2024-03-02');
    const next = new ScopePages({ ...options, items: [added, ...items], previous: before });
    const fresh = scopePages({ ...options, items: [added, ...items] });
    expect(next.all()).toEqual(fresh);
    expect(next.count).toBe(6);
    // 24 items still make 5 archives: only the last, which gains r99, is made again.
    expect([1, 2, 3, 4].map((index) => next.page(index) === made[index])).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(next.page(5)).not.toBe(made[5]);
    const grown = [
      added,
      key('r98', '2024-01-28', '2024-03-03'),
      key('r97', '2024-01-28', '2024-03-04'),
    ];
    const more = new ScopePages({ ...options, items: [...grown, ...items], previous: next });
    expect(more.count).toBe(7);
    expect([1, 2, 3, 4, 5].some((index) => more.page(index) === made[index])).toBe(false);
    expect(more.all()).toEqual(scopePages({ ...options, items: [...grown, ...items] }));
  });

  it('refuses a page it does not have', () => {
    const pages = new ScopePages(options);
    expect(() => pages.page(6)).toThrow(/no page 6 in a scope of 6 pages/);
    expect(() => pages.page(-1)).toThrow(RangeError);
  });
});

/** The records an archive document holds, by the ids of its entries, in order. */
function entryIds(text: string): string[] {
  return [...text.matchAll(/tag:[^<"\s]*?briefing\/([a-z0-9-]+)/g)].map((match) => match[1]!);
}

/** The archive documents whose bytes differ between two builds (present in the first). */
function changedArchives(before: FeedSet, after: FeedSet): string[] {
  return [...before.files.keys()]
    .filter((path) => path.startsWith('/feeds/archive/'))
    .filter((path) => after.files.get(path)?.etag !== before.files.get(path)!.etag);
}

describe('archive documents over time (RFC 5005 §4: their entries should not change)', () => {
  let records: Briefing[];
  let before: FeedSet;
  // Edits and additions happen after every seed record's last update, as they would in life.
  let later: string;
  beforeAll(async () => {
    records = await loadSeeds();
    before = buildFeeds({ records, siteUrl: SITE, pageSize: PAGE_SIZE });
    const newest = records
      .map((record) => record.revision.updated)
      .sort()
      .at(-1)!;
    later = new Date(Date.parse(`${newest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  });

  it('changes only the archives holding a record when that old record is edited', () => {
    const oldest = [...records].sort(
      (a, b) => a.revision.created.localeCompare(b.revision.created) || a.id.localeCompare(b.id),
    )[0]!;
    const edited: Briefing = {
      ...oldest,
      summary: `${oldest.summary} Edited.`,
      revision: {
        ...oldest.revision,
        updated: later,
        changes: [...oldest.revision.changes, { date: later, note: 'Edited.' }],
      },
    };
    const after = buildFeeds({
      records: records.map((record) => (record.id === oldest.id ? edited : record)),
      siteUrl: SITE,
      pageSize: PAGE_SIZE,
    });
    const changed = changedArchives(before, after);
    expect(changed).toContain('/feeds/archive/all/1.atom');
    for (const path of changed) expect(fileText(before, path), path).toContain(oldest.id);
    // The edit is news: it heads the current document.
    const atom = fileText(after, '/feeds/all.atom');
    const firstEntry = atom.slice(atom.indexOf('<entry>'), atom.indexOf('</entry>'));
    expect(firstEntry).toContain(`briefing/${oldest.id}</id>`);
  });

  it('changes no full archive when a record is added', () => {
    const added = makeBriefing({
      id: 'added-later',
      revision: { created: later, updated: later, changes: [{ date: later, note: 'Created.' }] },
    });
    const after = buildFeeds({ records: [...records, added], siteUrl: SITE, pageSize: PAGE_SIZE });
    const changed = changedArchives(before, after);
    expect(changed.length).toBeGreaterThan(0);
    for (const path of changed) {
      if (!fileText(after, path).includes('added-later')) {
        // A full archive may gain a link to a new next archive, never an entry.
        expect(entryIds(fileText(after, path)), path).toEqual(entryIds(fileText(before, path)));
        continue;
      }
      // Only the newest archive of a chain is still filling.
      const page = Number(/\/(\d+)\.\w+$/.exec(path)![1]);
      const newer = path.replace(/\/\d+(\.\w+)$/, `/${page + 1}$1`);
      expect(before.files.has(newer), path).toBe(false);
    }
  });
});
