import { execFileSync } from 'node:child_process';
import { mkdir, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engagementIds, groupByMonthAndTheme, type Briefing } from '@briefing/schema';
import { briefingToYaml, formatProblem, loadBriefings } from '@briefing/schema/node';
import { CREATE_TABLES, SCHEMA_VERSION } from './index-schema.js';
import type { Store } from './store.js';
import { ids, makeFixture, record, type Fixture } from './test-support/fixtures.js';

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture(
    record('a', { title: 'Alpha talks', date: { start: '2023-01-02', precision: 'day' } }),
    record('b', { title: 'Bravo visit', date: { start: '2023-03-04', precision: 'day' } }),
    record('c', {
      title: 'Charlie summit',
      date: { start: '2023-02-01', precision: 'day' },
      related: [{ id: 'a', relation: 'follows' }],
    }),
  );
});
afterEach(() => fixture.remove());

const problemLines = (store: Store) => store.problems().map(formatProblem);

/** facetValues() gives the values the facets of the whole list count, uncounted. */
function expectValuesOfFacets(store: Store): void {
  const { facets } = store.list();
  const values = (counts: readonly { value: string }[]) => counts.map(({ value }) => value).sort();
  expect(store.facetValues()).toEqual({
    countries: values(facets.countries),
    actors: values(facets.actors),
    places: values(facets.places),
  });
}

/** monthThemeCounts() of every record, in either unit, as @briefing/schema counts the records. */
function expectMonthThemeCounts(store: Store): void {
  const records = store.all();
  const ids = engagementIds({ records });
  expect(store.monthThemeCounts()).toEqual(groupByMonthAndTheme({ records }));
  expect(store.monthThemeCounts({ count: 'engagements' })).toEqual(
    groupByMonthAndTheme({ records, count: 'engagements', ids }),
  );
}

/** The value of one key of the index's meta table. */
function metaValue(store: Store, key: string): string | undefined {
  const db = new DatabaseSync(store.indexPath, { readOnly: true });
  try {
    return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string })
      ?.value;
  } finally {
    db.close();
  }
}

describe('a store opened on a folder', () => {
  it('indexes every record and answers get, list and all', async () => {
    const store = await fixture.open();
    expect(store.get('b')?.title).toBe('Bravo visit');
    expect(store.get('nope')).toBeUndefined();
    expect(ids(store.all())).toEqual(['a', 'c', 'b']);
    expect(ids(store.all({ sort: { by: 'title', order: 'desc' } }))).toEqual(['c', 'b', 'a']);
    expect(ids(store.list({ query: { text: 'bravo visit' } }).records)).toEqual(['b']);
    expect(store.list({ query: { text: 'alpha visit' } }).total).toBe(0);
    expect(store.list({ pageSize: 2, page: 2 })).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(store.list({ pageSize: 2, page: 2 }).records)).toEqual(['b']);
    expect(store.problems()).toEqual([]);
    expect(store.status()).toMatchObject({ records: 3, problems: 0, folder: 'present' });
  });

  it('gives the totals alone, and the facets’ values uncounted, as the facets have them', async () => {
    await fixture.write(
      record('d', {
        actors: [
          { name: 'Sergei Lavrov', country: 'RUS', role: 'visitor' },
          { name: 'SERGEI LAVROV', country: 'RUS', role: 'participant' },
        ],
      }),
    );
    const store = await fixture.open();
    await store.sync();
    for (const count of ['records', 'engagements'] as const) {
      const full = store.list({ count });
      const bare = store.list({ count, facets: false });
      expect(bare).toMatchObject({ total: full.total, engagementTotal: full.engagementTotal });
      expect(bare.facets.actors).toEqual([]);
      expect(bare.records).toEqual(full.records);
    }
    expectValuesOfFacets(store);
  });

  it('keeps the facets’ values through edits that change no name, and follows those that do', async () => {
    const store = await fixture.open();
    const namesVersion = () =>
      (
        new DatabaseSync(store.indexPath, { readOnly: true })
          .prepare("SELECT value FROM meta WHERE key = 'names_version'")
          .get() as { value: string }
      ).value;
    const agree = () => expectValuesOfFacets(store);
    agree();
    const first = namesVersion();

    // A new title: no name moved, the values read before still stand.
    await fixture.write(record('b', { title: 'Bravo visit, revised' }));
    await store.sync();
    expect(namesVersion()).toBe(first);
    agree();

    // Another actor, then another country, then a record gone: each moves the values.
    const lavrov = { name: 'Sergey Lavrov', country: 'RUS', role: 'visitor' } as const;
    await fixture.write(record('b', { actors: [lavrov] }));
    await store.sync();
    expect(namesVersion()).not.toBe(first);
    expect(store.facetValues().actors).toContain('Sergey Lavrov');
    agree();
    const second = namesVersion();
    await fixture.write(record('b', { actors: [{ ...lavrov, country: 'CHN' }] }));
    await store.sync();
    expect(namesVersion()).not.toBe(second);
    expect(store.facetValues().countries).toContain('CHN');
    agree();
    await unlink(join(fixture.dir, 'b.yaml'));
    await store.sync();
    expect(store.facetValues().actors).not.toContain('Sergey Lavrov');
    expect(store.facetValues().countries).not.toContain('CHN');
    agree();
  });

  it('keeps the month-by-theme counts through edits that change no month, theme or engagement, and follows those that do', async () => {
    const store = await fixture.open();
    const version = () => metaValue(store, 'month_themes_version');
    const agree = () => expectMonthThemeCounts(store);
    agree();
    let last = version();
    expect(last).toBeDefined();
    const moved = () => {
      expect(version()).not.toBe(last);
      last = version();
      agree();
    };

    // Bravo as the fixture has it, but for the fields given.
    const bravo = (overrides: Partial<Briefing>) =>
      record('b', {
        title: 'Bravo visit',
        date: { start: '2023-03-04', precision: 'day' },
        ...overrides,
      });

    // A new title: it moves none of them; the counts read before still stand.
    await fixture.write(bravo({ title: 'Bravo visit, revised' }));
    await store.sync();
    expect(version()).toBe(last);
    agree();

    // Another month, another theme, a link that joins two engagements, a new record, a record
    // gone: each moves them.
    await fixture.write(bravo({ date: { start: '2023-05-04', precision: 'day' } }));
    await store.sync();
    moved();
    await fixture.write(bravo({ themes: ['space'] }));
    await store.sync();
    moved();
    await fixture.write(bravo({ themes: ['space'], related: [{ id: 'c', relation: 'follows' }] }));
    await store.sync();
    moved();
    await fixture.write(record('d', { date: { start: '2023-05-20', precision: 'day' } }));
    await store.sync();
    moved();
    await unlink(join(fixture.dir, 'a.yaml'));
    await store.sync();
    moved();
  });

  it('parses only the files whose bytes changed', async () => {
    const store = await fixture.open();
    const before = store.dataVersion;
    await fixture.write(record('b', { title: 'Bravo visit, revised' }));
    const result = await store.sync();
    expect(result).toMatchObject({ changed: true, added: [], updated: ['b'], removed: [] });
    expect(result.stats).toMatchObject({ entries: 3, parsed: 1 });
    expect(store.dataVersion).toBe(before + 1);
    expect(store.get('b')?.title).toBe('Bravo visit, revised');
    // The same bytes again: read and hashed, but neither parsed nor a change.
    await fixture.write(record('b', { title: 'Bravo visit, revised' }));
    expect(await store.sync({ names: ['b.yaml'] })).toMatchObject({
      changed: false,
      stats: { read: 1, parsed: 0 },
    });
    expect(store.dataVersion).toBe(before + 1);
  });

  it('gives a snapshot its own data version, and the next snapshot the next one', async () => {
    const store = await fixture.open();
    const before = store.read(() => [store.dataVersion, store.dataVersion]);
    expect(before[1]).toBe(before[0]);
    await fixture.write(record('b', { title: 'Bravo visit, revised' }));
    await store.sync();
    expect(store.read(() => store.dataVersion)).toBe(before[0]! + 1);
    expect(store.dataVersion).toBe(before[0]! + 1);
  });

  it('adds, edits, renames and deletes records', async () => {
    const store = await fixture.open();
    await fixture.write(record('d', { title: 'Delta' }));
    expect(await store.sync()).toMatchObject({ added: ['d'] });
    await rename(join(fixture.dir, 'd.yaml'), join(fixture.dir, 'e.yaml'));
    await store.sync();
    // A renamed file keeps its id, which no longer matches its name.
    expect(store.get('d')?.title).toBe('Delta');
    expect(problemLines(store)).toEqual([
      expect.stringMatching(/e\.yaml:1 {2}id: expected the id to match the file name "e", got "d"/),
    ]);
    await unlink(join(fixture.dir, 'e.yaml'));
    expect(await store.sync()).toMatchObject({ removed: ['d'] });
    expect(store.get('d')).toBeUndefined();
    expect(store.problems()).toEqual([]);
  });

  it('keeps serving the last valid version of a file that became invalid, until it is fixed', async () => {
    const store = await fixture.open();
    await fixture.write({ file: 'b.yaml', text: 'id: b\ntitle: [unclosed\n' });
    // The record served keeps its links: the engagements and the rules across records (each
    // over every record) are not worked out again for an edit caught half-written.
    expect((await store.sync()).stats).toMatchObject({
      regrouped: false,
      checkedAcrossRecords: false,
    });
    expect(store.get('b')?.title).toBe('Bravo visit');
    expect(problemLines(store)).toEqual([expect.stringMatching(/b\.yaml:\d+ {2}invalid YAML: /)]);
    expect(fixture.logger.text).toMatch(
      /b\.yaml:\d+ {2}invalid YAML: .*\(its last valid version stays served\)/,
    );
    await fixture.write({
      file: 'b.yaml',
      text: briefingToYaml(record('b', { title: 'Bravo', sources: [] })),
    });
    await store.sync();
    expect(store.get('b')?.title).toBe('Bravo visit');
    expect(problemLines(store)).toEqual([
      expect.stringMatching(/b\.yaml:\d+ {2}sources: expected at least one source/),
    ]);
    await fixture.write(record('b', { title: 'Bravo fixed' }));
    expect((await store.sync()).stats).toMatchObject({
      regrouped: false,
      checkedAcrossRecords: false,
    });
    expect(store.get('b')?.title).toBe('Bravo fixed');
    expect(store.problems()).toEqual([]);
    // Each problem was logged once, though the index was updated three times.
    expect(fixture.logger.lines.filter((line) => line.includes('invalid YAML'))).toHaveLength(1);
  });

  it('serves the file named after a duplicate id, and the other once that one is gone', async () => {
    await fixture.write({
      file: 'copy-of-a.yaml',
      text: briefingToYaml(record('a', { title: 'Copy' })),
    });
    const store = await fixture.open();
    expect(store.get('a')?.title).toBe('Alpha talks');
    expect(problemLines(store)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /copy-of-a\.yaml:1 {2}id: duplicate id "a", already used in .*a\.yaml:1$/,
        ),
      ]),
    );
    await unlink(join(fixture.dir, 'a.yaml'));
    await store.sync();
    expect(store.get('a')?.title).toBe('Copy');
    expect(store.list().total).toBe(3);
  });

  it('counts a duplicate file while its content is valid, and not while it is invalid', async () => {
    const copy = { file: 'copy-of-a.yaml', text: briefingToYaml(record('a', { title: 'Copy' })) };
    await fixture.write(copy);
    const store = await fixture.open();
    const duplicate = () =>
      problemLines(store).filter((line) => /copy-of-a\.yaml:1 {2}id: duplicate id "a"/.test(line));
    expect(duplicate()).toHaveLength(1);
    await fixture.write({ file: 'copy-of-a.yaml', text: 'id: a\ntitle: [unclosed\n' });
    expect((await store.sync()).stats).toMatchObject({ checkedAcrossRecords: true });
    expect(duplicate()).toEqual([]);
    expect(problemLines(store)).toEqual([
      expect.stringMatching(/copy-of-a\.yaml:\d+ {2}invalid YAML: /),
    ]);
    await fixture.write(copy);
    expect((await store.sync()).stats).toMatchObject({ checkedAcrossRecords: true });
    expect(duplicate()).toHaveLength(1);
    expect(store.get('a')?.title).toBe('Alpha talks');
  });

  it('checks related ids on every update', async () => {
    const store = await fixture.open();
    await unlink(join(fixture.dir, 'a.yaml'));
    await store.sync();
    expect(problemLines(store)).toEqual([
      expect.stringMatching(
        /c\.yaml:\d+ {2}related\[0\]\.id: expected the id of an existing record, got "a"/,
      ),
    ]);
    expect(store.related('c').outgoing).toEqual([{ id: 'a', relation: 'follows' }]);
    await fixture.write(record('a'));
    await store.sync();
    expect(store.problems()).toEqual([]);
    expect(store.related('a').incoming.map((link) => [link.id, link.relation])).toEqual([
      ['c', 'follows'],
    ]);
    expect(store.related('c').outgoing[0]?.record?.id).toBe('a');
  });

  it('moves a problem across records to its new line when its file is edited', async () => {
    const dangling = record('d', { related: [{ id: 'ghost', relation: 'follows' }] });
    await fixture.write(dangling);
    const store = await fixture.open();
    const line = () => store.problems()[0]?.line;
    const before = line();
    await fixture.write({
      ...dangling,
      summary: `${dangling.summary}\n\nA second paragraph.\nAnd a third.`,
    });
    await store.sync();
    expect(line()).toBeGreaterThan(before!);
    // An edit elsewhere leaves it as it is.
    await fixture.write(record('b', { title: 'Bravo again' }));
    expect((await store.sync()).changed).toBe(true);
    expect(store.problems()).toHaveLength(1);
    // And so does a store opened later, on the index as it was left.
    const moved = line();
    await store.close();
    const again = await fixture.open();
    await fixture.write({
      ...dangling,
      summary: `${dangling.summary}\n\nA second paragraph.\nAnd a third.\nA fourth.\nA fifth.`,
    });
    await again.sync();
    expect(again.problems()[0]?.line).toBeGreaterThan(moved!);
  });

  it('reports every problem exactly as loadBriefings does', async () => {
    await mkdir(join(fixture.root, 'documents'));
    await fixture.write(
      { file: 'broken.yaml', text: 'id: broken\ntitle: "unclosed\n' },
      { file: 'typo.yaml', text: briefingToYaml(record('typo')).replace('title:', 'titel:') },
      { file: 'notes.yml', text: 'id: notes\n' },
      { file: 'renamed.yaml', text: briefingToYaml(record('other')) },
      { file: 'dup.yaml', text: briefingToYaml(record('b')) },
      { file: 'empty.yaml', text: '' },
      { file: 'latin1.yaml', text: 'id: caf\xe9\n' },
      record('dangling', {
        related: [
          { id: 'ghost', relation: 'follows' },
          { id: 'dangling', relation: 'follows' },
        ],
      }),
      record('doc', {
        sources: [
          { publisher: 'Briefing', title: 'Brief', document: 'seeds/documents/missing.txt' },
        ],
      }),
    );
    await writeFile(join(fixture.dir, 'latin1.yaml'), Buffer.from('id: caf\xe9\n', 'latin1'));
    const store = await fixture.open();
    const loaded = await loadBriefings({ dir: fixture.dir });
    expect(problemLines(store)).toEqual(loaded.problems.map(formatProblem));
    expect(problemLines(store).length).toBeGreaterThan(8);
    expect(ids(store.all({ sort: { by: 'title' } })).sort()).toEqual(
      ids(loaded.records)
        .filter((id, i, all) => all.indexOf(id) === i)
        .sort(),
    );
  });

  it('gives a data version that grows with each change and stays when nothing changed', async () => {
    const store = await fixture.open();
    const first = store.dataVersion;
    expect(await store.sync()).toMatchObject({ changed: false, dataVersion: first });
    await fixture.write(record('d'));
    const { dataVersion, changedAt } = await store.sync();
    expect(dataVersion).toBe(first + 1);
    expect(store.status()).toMatchObject({ dataVersion, changedAt });
    await store.close();
    const again = await fixture.open();
    expect(again.dataVersion).toBe(dataVersion);
  });

  it('checks a file ahead of edits without applying what it read (warmChecks)', async () => {
    const store = await fixture.open();
    const version = store.dataVersion;
    const changes: unknown[] = [];
    store.onChange((change) => changes.push(change));
    // Both files changed on disk, unseen by the store: warming up must not serve them.
    await fixture.write(record('a', { title: 'Alpha, unseen' }));
    await fixture.write({ file: 'b.yaml', text: 'id: b\ntitle: [\n' });
    await store.warmChecks();
    expect(store.get('a')?.title).not.toBe('Alpha, unseen');
    expect(store.dataVersion).toBe(version);
    expect(store.problems()).toEqual([]);
    expect(changes).toEqual([]);
    await store.close();
  });
});

describe('entries that are not records', () => {
  it('refuses a FIFO by name, without opening it (which would block)', async () => {
    execFileSync('mkfifo', [join(fixture.dir, 'pipe.yaml')]);
    const store = await fixture.open();
    expect(problemLines(store)).toEqual([
      `${join(fixture.dir, 'pipe.yaml')}  refused: a named pipe (FIFO), not a regular file; it was not read`,
    ]);
    expect(store.list().total).toBe(3);
    await unlink(join(fixture.dir, 'pipe.yaml'));
    await store.sync();
    expect(store.problems()).toEqual([]);
  });

  it('refuses a socket by name', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(fixture.dir, 'socket.yaml'), resolve));
    try {
      const store = await fixture.open();
      expect(problemLines(store)).toEqual([
        `${join(fixture.dir, 'socket.yaml')}  refused: a socket, not a regular file; it was not read`,
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('follows a symbolic link to a record inside the folder, and refuses one that leads out', async () => {
    const secret = 'id: secret\ntitle: TOP SECRET CONTENT\n';
    await writeFile(join(fixture.root, 'outside.yaml'), secret);
    await mkdir(join(fixture.dir, 'archive'));
    await writeFile(join(fixture.dir, 'archive', 'd.yaml'), briefingToYaml(record('d')));
    execFileSync('mkfifo', [join(fixture.dir, 'archive', 'pipe.yaml')]);
    await symlink(join(fixture.root, 'outside.yaml'), join(fixture.dir, 'outside.yaml'));
    await symlink('archive/d.yaml', join(fixture.dir, 'd.yaml'));
    await symlink('archive/pipe.yaml', join(fixture.dir, 'pipe.yaml'));
    await symlink('b.yaml', join(fixture.dir, 'also-b.yaml'));
    await symlink('nowhere.yaml', join(fixture.dir, 'dangling.yaml'));
    await writeFile(join(fixture.dir, 'notes.txt'), 'not a record');
    await symlink('notes.txt', join(fixture.dir, 'notes.yaml'));
    const store = await fixture.open();
    expect(store.get('d')?.id).toBe('d');
    const at = (name: string) => join(fixture.dir, name);
    expect(problemLines(store)).toEqual([
      expect.stringMatching(new RegExp(`^${at('also-b.yaml')}:1  id: duplicate id "b"`)),
      `${at('also-b.yaml')}:1  id: expected the id to match the file name "also-b", got "b" (rename the file to b.yaml)`,
      `${at('dangling.yaml')}  refused: a symbolic link to nothing (its target does not exist)`,
      `${at('notes.yaml')}  refused: a symbolic link to notes.txt, which is not a .yaml record file; it was not read`,
      `${at('outside.yaml')}  refused: a symbolic link that leads outside the data folder; records must be files inside it (it was not read)`,
      `${at('pipe.yaml')}  refused: a symbolic link to a named pipe (FIFO), not to a regular file; it was not read`,
    ]);
    // Nothing outside the folder reaches a message or the log.
    expect(JSON.stringify(store.problems())).not.toMatch(/SECRET|not a record/);
    expect(fixture.logger.text).not.toMatch(/SECRET|not a record/);
  });

  it('reports a *.yml file and ignores other files and folders', async () => {
    await fixture.write(
      { file: 'd.yml', text: briefingToYaml(record('d')) },
      { file: 'README.md', text: '# x' },
    );
    await mkdir(join(fixture.dir, 'drafts'));
    await writeFile(join(fixture.dir, 'drafts', 'e.yaml'), briefingToYaml(record('e')));
    const store = await fixture.open();
    expect(problemLines(store)).toEqual([
      `${join(fixture.dir, 'd.yml')}:1  not loaded: record files must end in .yaml`,
    ]);
    expect(store.list().total).toBe(3);
  });
});

describe('the index file', () => {
  it('is rebuilt from scratch when its schema version is not this one', async () => {
    const store = await fixture.open();
    const { indexPath, dataVersion } = store;
    await store.close();
    const db = new DatabaseSync(indexPath);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.exec('DROP TABLE themes');
    db.close();
    const again = await fixture.open();
    expect(fixture.logger.text).toContain(
      `rebuilding the index ${indexPath} from the records: it has schema version ${SCHEMA_VERSION + 1}, this store writes version ${SCHEMA_VERSION}`,
    );
    expect(again.list({ query: { themes: ['diplomacy'] } }).total).toBe(3);
    expect(again.dataVersion).toBeGreaterThan(dataVersion);
  });

  it('has every index of its tables after a first build (made again once, after the rows)', async () => {
    const store = await fixture.open();
    const db = new DatabaseSync(store.indexPath, { readOnly: true });
    const indexes = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        .all() as { name: string }[]
    )
      .map((row) => row.name)
      .sort();
    db.close();
    const declared = [...CREATE_TABLES.matchAll(/CREATE INDEX (\w+)/g)].map((m) => m[1]).sort();
    expect(declared.length).toBeGreaterThan(5);
    expect(indexes).toEqual(declared);
  });

  it('is rebuilt when it cannot be read', async () => {
    const store = await fixture.open();
    const { indexPath } = store;
    await store.close();
    await rm(`${indexPath}-wal`, { force: true });
    await rm(`${indexPath}-shm`, { force: true });
    await writeFile(indexPath, 'not a database, just text that is long enough to have a header');
    const again = await fixture.open();
    expect(fixture.logger.text).toMatch(/rebuilding the index .* it cannot be read/);
    expect(again.list().total).toBe(3);
  });

  it('keeps serving the last records while the folder is missing', async () => {
    const store = await fixture.open();
    await rename(fixture.dir, `${fixture.dir}.away`);
    expect(await store.sync()).toMatchObject({ changed: false, folder: 'missing' });
    expect(store.list().total).toBe(3);
    expect(store.status().folder).toBe('missing');
    expect(problemLines(store)).toEqual([
      `${fixture.dir}  cannot read the directory: no such file or directory`,
    ]);
    expect(fixture.logger.text).toMatch(/lost the data folder .* still serving the 3 records/);
    await rename(`${fixture.dir}.away`, fixture.dir);
    await store.sync();
    expect(store.status().folder).toBe('present');
    expect(fixture.logger.text).toMatch(/found the data folder .* again/);
  });

  it('is shared safely by two stores (as by two processes)', async () => {
    const first = await fixture.open();
    const second = await fixture.open();
    await fixture.write(record('d', { title: 'Delta' }));
    await first.sync();
    // The second store reads what the first committed, and its own update builds on it.
    expect(second.get('d')?.title).toBe('Delta');
    await fixture.write(record('e', { title: 'Echo' }));
    const result = await second.sync();
    expect(result.added).toEqual(['e']);
    expect(first.list().total).toBe(5);
    expect(first.dataVersion).toBe(second.dataVersion);
  });

  it('lets readers see the state before an update until it commits, never half of it', async () => {
    const many = Array.from({ length: 300 }, (_, i) => record(`r-${i}`, { title: `Old ${i}` }));
    await fixture.write(...many);
    const seen: number[] = [];
    let store: Store | undefined;
    store = await fixture.open({
      // Called inside the update, between written batches: what does a reader see?
      onProgress: ({ phase, done, total }) => {
        if (store !== undefined && phase === 'index' && done > 0 && done < total) {
          seen.push(store.list({ query: { text: 'new' } }).total);
        }
      },
    });
    await fixture.write(...many.map((r) => ({ ...r, title: r.title.replace('Old', 'New') })));
    await store.sync();
    expect(seen.length).toBeGreaterThan(2);
    expect(new Set(seen)).toEqual(new Set([0]));
    expect(store.list({ query: { text: 'new' } }).total).toBe(300);
  });
});
