import { execFile } from 'node:child_process';
import { readdir, rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_DIR, scriptArgs } from './test-support/child-script.js';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

const run = promisify(execFile);

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture(
    record('a', { title: 'Alpha talks' }),
    record('b', { title: 'Bravo visit' }),
    record('c', { title: 'Charlie summit', themes: ['space'] }),
  );
  // Files written an hour before they are indexed (else an mtime this close to the read would
  // have them read again), and an index as a previous process left it.
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const name of await readdir(fixture.dir)) {
    await utimes(join(fixture.dir, name), anHourAgo, anHourAgo);
  }
  await (await fixture.open()).close();
});
afterEach(() => fixture.remove());

/** Changes made while no process watched: an edit, an addition, a deletion. */
async function changeWhileDown() {
  await fixture.write(
    record('b', { title: 'Bravo visit, revised' }),
    record('d', { title: 'Delta' }),
  );
  await rm(join(fixture.dir, 'a.yaml'));
}

/** What a store opened in a new process answered (see test-support/background-child.ts). */
async function childSays(mode?: 'wait'): Promise<unknown> {
  const { stdout } = await run(
    process.execPath,
    scriptArgs('background-child.ts', fixture, ...(mode === undefined ? [] : [mode])),
    { cwd: PACKAGE_DIR },
  );
  return JSON.parse(stdout);
}

const titlesOf = (store: { all(): { id: string; title: string }[] }) =>
  Object.fromEntries(store.all().map((briefing) => [briefing.id, briefing.title]));

describe('a store that checks the folder in the background', () => {
  it('answers at once from the index as it was, then from the folder as it is', async () => {
    await changeWhileDown();
    const store = await fixture.open({ checkInBackground: true });
    expect(titlesOf(store)).toEqual({ a: 'Alpha talks', b: 'Bravo visit', c: 'Charlie summit' });
    const result = await store.upToDate;
    expect(result).toMatchObject({ changed: true, added: ['d'], updated: ['b'], removed: ['a'] });
    expect(titlesOf(store)).toEqual({ b: 'Bravo visit, revised', c: 'Charlie summit', d: 'Delta' });
    // Later edits are updates as usual.
    await fixture.write(record('c', { title: 'Charlie summit, moved' }));
    await store.sync({ names: ['c.yaml'] });
    expect(store.get('c')?.title).toBe('Charlie summit, moved');
  });

  it('looks, in a worker thread, at the changed entries only', async () => {
    await changeWhileDown();
    expect(await childSays()).toEqual({
      atOnce: { a: 'Alpha talks', b: 'Bravo visit', c: 'Charlie summit' },
      upToDate: { b: 'Bravo visit, revised', c: 'Charlie summit', d: 'Delta' },
      // a.yaml (gone), b.yaml (edited) and d.yaml (new): not c.yaml.
      entries: 3,
    });
  });

  it('looks at the changed entries only in a store that waits for them too', async () => {
    await changeWhileDown();
    const upToDate = { b: 'Bravo visit, revised', c: 'Charlie summit', d: 'Delta' };
    expect(await childSays('wait')).toEqual({ atOnce: upToDate, upToDate, entries: 3 });
  });

  it('builds an index that is not there before it answers', async () => {
    await rm(fixture.cacheDir, { recursive: true });
    const store = await fixture.open({ checkInBackground: true });
    expect(Object.keys(titlesOf(store))).toEqual(['a', 'b', 'c']);
  });

  it('keeps the whole list’s counts for the next process, for their data version only', async () => {
    const first = await fixture.open();
    const facets = first.list({ count: 'engagements' }).facets;
    await first.close();
    const kept = new DatabaseSync(first.indexPath, { readOnly: true });
    expect(
      (kept.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n,
    ).toBeGreaterThan(0);
    kept.close();
    // The next process answers with them, equal to counting again.
    const second = await fixture.open({ checkInBackground: true });
    expect(second.list({ count: 'engagements' }).facets).toEqual(facets);
    await second.upToDate;
    // After a change, counted again: not the kept answer of the previous version.
    await fixture.write(record('b', { title: 'Bravo visit', themes: ['space'] }));
    await second.sync({ names: ['b.yaml'] });
    const space = second.list().facets.themes.find((theme) => theme.value === 'space');
    expect(space?.count).toBe(2);
  });
});
