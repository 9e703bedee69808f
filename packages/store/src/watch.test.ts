import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdir, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { briefingToYaml, formatProblem } from '@briefing/schema/node';
import type { Store } from './store.js';
import { ids, makeFixture, record, until, type Fixture } from './test-support/fixtures.js';
import { watchStore } from './watch.js';

// Real watchers on real folders. Nothing is timed: each step waits for the change it expects
// (or the log line), and the test times out if it never comes.
let fixture: Fixture;
let store: Store;
beforeEach(async () => {
  fixture = await makeFixture(record('a', { title: 'Alpha' }), record('b', { title: 'Bravo' }));
  store = await fixture.open();
  watchStore({ store, pollMs: 200 });
});
afterEach(() => fixture.remove());

const titles = () => store.all({ sort: { by: 'title' } }).map((r) => r.title);
const problemLines = () => store.problems().map(formatProblem);

describe('a watched store', () => {
  it('applies an added, an edited, a renamed and a deleted file', async () => {
    await fixture.write(record('c', { title: 'Charlie' }));
    await until(store, () => store.get('c') !== undefined);
    await fixture.write(record('a', { title: 'Alpha, revised' }));
    await until(store, () => store.get('a')?.title === 'Alpha, revised');
    await rename(join(fixture.dir, 'c.yaml'), join(fixture.dir, 'c2.yaml'));
    await until(store, () => problemLines().some((line) => line.includes('c2.yaml')));
    expect(store.get('c')?.title).toBe('Charlie');
    await unlink(join(fixture.dir, 'c2.yaml'));
    await until(store, () => store.get('c') === undefined);
    expect(titles()).toEqual(['Alpha, revised', 'Bravo']);
    expect(store.problems()).toEqual([]);
  });

  it('looks at every entry after more events than the system may have kept', async () => {
    const syncs: string[] = [];
    const sync = store.sync.bind(store);
    store.sync = (options = {}) => {
      syncs.push(options.names === undefined ? 'every entry' : 'named');
      return sync(options);
    };
    // Over a thousand events while this thread is busy (two for each new file, which the system
    // does not merge as it merges repeated writes to one file): read in one go once it is free.
    for (let n = 0; n < 600; n++) {
      writeFileSync(join(fixture.dir, `burst-${n}.yaml`), briefingToYaml(record(`burst-${n}`)));
    }
    await until(store, () => store.get('burst-599') !== undefined);
    expect(syncs).toEqual(['every entry']);
  });

  it('serves the last valid version while a file is invalid, and the fix once it comes', async () => {
    await fixture.write({ file: 'a.yaml', text: 'id: a\ntitle: [\n' });
    await until(store, () => store.problems().length > 0);
    expect(store.get('a')?.title).toBe('Alpha');
    expect(problemLines()).toEqual([expect.stringMatching(/a\.yaml:\d+ {2}invalid YAML/)]);
    await fixture.write(record('a', { title: 'Alpha fixed' }));
    await until(store, () => store.get('a')?.title === 'Alpha fixed');
    expect(store.problems()).toEqual([]);
  });

  it('finds the folder again after it is deleted and created anew, serving the last records meanwhile', async () => {
    const lost = fixture.logger.next(/lost the data folder/);
    await rm(fixture.dir, { recursive: true });
    await lost;
    expect(titles()).toEqual(['Alpha', 'Bravo']);
    expect(store.status().folder).toBe('missing');
    const found = fixture.logger.next(/found the data folder .* again/);
    await mkdir(fixture.dir);
    await found;
    await fixture.write(record('c', { title: 'Charlie' }));
    await until(store, () => ids(store.all()).join() === 'c');
    // And it keeps watching the new folder.
    await fixture.write(record('d', { title: 'Delta' }));
    await until(store, () => store.get('d') !== undefined);
    expect(titles()).toEqual(['Charlie', 'Delta']);
  });

  it('follows a folder swapped by rename (mv new data)', async () => {
    const next = `${fixture.dir}.next`;
    await mkdir(next);
    await writeFile(join(next, 'x.yaml'), briefingToYaml(record('x', { title: 'X-ray' })));
    await rename(fixture.dir, `${fixture.dir}.old`);
    await rename(next, fixture.dir);
    await until(store, () => titles().join() === 'X-ray');
    // Edits in the old folder, now elsewhere, are not the store's any more.
    await writeFile(join(`${fixture.dir}.old`, 'z.yaml'), briefingToYaml(record('z')));
    await fixture.write(record('y', { title: 'Yankee' }));
    await until(store, () => store.get('y') !== undefined);
    expect(titles()).toEqual(['X-ray', 'Yankee']);
    expect(fixture.logger.text).toMatch(/(replaced|again)/);
  });

  it('refuses a FIFO by name, without hanging, and forgets it once it is gone', async () => {
    execFileSync('mkfifo', [join(fixture.dir, 'pipe.yaml')]);
    await until(store, () => problemLines().some((line) => line.includes('pipe.yaml')));
    expect(problemLines()).toEqual([
      `${join(fixture.dir, 'pipe.yaml')}  refused: a named pipe (FIFO), not a regular file; it was not read`,
    ]);
    await fixture.write(record('c'));
    await until(store, () => store.get('c') !== undefined);
    await unlink(join(fixture.dir, 'pipe.yaml'));
    await until(store, () => store.problems().length === 0);
  });

  it('follows a symbolic link inside the folder and refuses one that leads out', async () => {
    await writeFile(join(fixture.root, 'secret.yaml'), 'id: s\ntitle: SECRET TEXT\n');
    await symlink(join(fixture.root, 'secret.yaml'), join(fixture.dir, 's.yaml'));
    await until(store, () => store.problems().length > 0);
    expect(problemLines()).toEqual([
      `${join(fixture.dir, 's.yaml')}  refused: a symbolic link that leads outside the data folder; records must be files inside it (it was not read)`,
    ]);
    await mkdir(join(fixture.dir, 'archive'));
    await writeFile(
      join(fixture.dir, 'archive', 'c.yaml'),
      briefingToYaml(record('c', { title: 'Charlie' })),
    );
    await symlink('archive/c.yaml', join(fixture.dir, 'c.yaml'));
    await until(store, () => store.get('c')?.title === 'Charlie');
    expect(fixture.logger.text).not.toContain('SECRET');
  });
});
