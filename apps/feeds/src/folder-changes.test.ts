import { writeFileSync } from 'node:fs';
import { link, mkdir, mkdtemp, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBriefing } from '@briefing/schema/testing';
import { briefingToYaml } from '@briefing/schema/node';
import { openStore, type Store } from '@briefing/store';
import { FolderChanges } from './folder-changes.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store over a real folder of records, whose syncs are recorded: `names` or every file. */
async function setUp(count = 3) {
  const root = await mkdtemp(join(tmpdir(), 'briefing-folder-changes-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const dir = join(root, 'data');
  await mkdir(dir);
  const write = (id: string, title: string, folder = dir) =>
    writeFile(join(folder, `${id}.yaml`), briefingToYaml(makeBriefing({ id, title })));
  for (let n = 0; n < count; n++) await write(`record-${n}`, `Title ${n}`);
  const store = await openStore({ dir, cacheDir: join(root, 'cache'), logger: quiet });
  cleanups.push(() => store.close());
  const syncs: ('every file' | string[])[] = [];
  const sync = store.sync.bind(store);
  store.sync = (options = {}) => {
    syncs.push(options.names === undefined ? 'every file' : [...options.names]);
    return sync(options);
  };
  const changes = new FolderChanges(store);
  const title = (id: string) => store.read((reader) => reader.get(id)?.title);
  return { root, dir, store, changes, write, title, syncs };
}

/**
 * Edit a record and build at once, as a user saving then running the command does. Written
 * synchronously: this event loop does not turn between the write and the build, as when the
 * daemon is busy while the user saves.
 */
async function editThenSync(
  { dir, changes }: Awaited<ReturnType<typeof setUp>>,
  id: string,
  title: string,
) {
  writeFileSync(join(dir, `${id}.yaml`), briefingToYaml(makeBriefing({ id, title })));
  await changes.sync();
}

describe('FolderChanges', () => {
  it('looks at every file until its events have kept the index up to date, then only at the files they name', async () => {
    const folder = await setUp();
    await editThenSync(folder, 'record-1', 'First edit');
    expect(folder.title('record-1')).toBe('First edit');
    // The events applied the edit, and the look at every file found nothing more: trusted.
    expect(folder.syncs).toEqual([['record-1.yaml'], 'every file']);
    expect(folder.changes.trusted).toBe(true);

    folder.syncs.length = 0;
    for (let n = 0; n < 10; n++) {
      await editThenSync(folder, `record-${n % 3}`, `Edit ${n}`);
      expect(folder.title(`record-${n % 3}`)).toBe(`Edit ${n}`);
    }
    expect(folder.syncs.every((sync) => sync !== 'every file')).toBe(true);
  });

  it('sees additions, removals and renames named by the events', async () => {
    const folder = await setUp();
    await editThenSync(folder, 'record-1', 'First edit');
    expect(folder.changes.trusted).toBe(true);

    await folder.write('record-9', 'Added');
    await unlink(join(folder.dir, 'record-0.yaml'));
    // Moved out of the folder, and into it.
    await rename(join(folder.dir, 'record-2.yaml'), join(folder.root, 'record-2.yaml'));
    await folder.write('record-8', 'Moved in', folder.root);
    await rename(join(folder.root, 'record-8.yaml'), join(folder.dir, 'record-8.yaml'));
    await folder.changes.sync();
    expect(folder.title('record-9')).toBe('Added');
    expect(folder.title('record-8')).toBe('Moved in');
    expect(folder.title('record-0')).toBeUndefined();
    expect(folder.title('record-2')).toBeUndefined();
    expect(folder.syncs.at(-1)).not.toBe('every file');
  });

  it('looks at every file when the folder was replaced, and watches the new one', async () => {
    const folder = await setUp();
    await editThenSync(folder, 'record-1', 'First edit');
    expect(folder.changes.trusted).toBe(true);

    const next = join(folder.root, 'next');
    await mkdir(next);
    for (let n = 0; n < 3; n++) await folder.write(`record-${n}`, `Swapped ${n}`, next);
    await rename(folder.dir, join(folder.root, 'old'));
    await rename(next, folder.dir);
    folder.syncs.length = 0;
    await folder.changes.sync();
    expect(folder.syncs).toContain('every file');
    expect(folder.title('record-2')).toBe('Swapped 2');

    // The new folder's events are seen.
    await editThenSync(folder, 'record-2', 'In the new folder');
    expect(folder.title('record-2')).toBe('In the new folder');
  });

  it('looks at every file while a record is a link to a file in a subfolder (edited without an event of its name)', async () => {
    const folder = await setUp();
    await editThenSync(folder, 'record-1', 'First edit');
    expect(folder.changes.trusted).toBe(true);

    await mkdir(join(folder.dir, 'kept'));
    const target = join(folder.dir, 'kept', 'linked.yaml');
    await writeFile(target, briefingToYaml(makeBriefing({ id: 'linked', title: 'Linked' })));
    await symlink(join('kept', 'linked.yaml'), join(folder.dir, 'linked.yaml'));
    await folder.changes.sync();
    expect(folder.title('linked')).toBe('Linked');

    writeFileSync(target, briefingToYaml(makeBriefing({ id: 'linked', title: 'Edited there' })));
    await folder.changes.sync();
    expect(folder.title('linked')).toBe('Edited there');

    // The link removed: the events are enough again.
    await unlink(join(folder.dir, 'linked.yaml'));
    await folder.changes.sync();
    folder.syncs.length = 0;
    await editThenSync(folder, 'record-2', 'Without links');
    expect(folder.title('record-2')).toBe('Without links');
    expect(folder.syncs).toEqual([['record-2.yaml']]);
  });

  it('looks at every file while a record file has another hard link, which may be written through', async () => {
    const folder = await setUp();
    const elsewhere = join(folder.root, 'record-2.yaml');
    await link(join(folder.dir, 'record-2.yaml'), elsewhere);
    // A daemon that starts with such a file: its events would not tell an edit made there.
    const changes = new FolderChanges(folder.store);
    // Edits that events tell, which would make them trusted…
    for (let n = 0; n < 2; n++) {
      writeFileSync(
        join(folder.dir, 'record-1.yaml'),
        briefingToYaml(makeBriefing({ id: 'record-1', title: `Edit ${n}` })),
      );
      await changes.sync();
      expect(folder.title('record-1')).toBe(`Edit ${n}`);
    }
    // …then one that no event tells.
    writeFileSync(
      elsewhere,
      briefingToYaml(makeBriefing({ id: 'record-2', title: 'Through the other link' })),
    );
    await changes.sync();
    expect(folder.title('record-2')).toBe('Through the other link');
    expect(changes.trusted).toBe(false);
  });

  it('looks at every file after more events than the system may have kept', async () => {
    const folder = await setUp();
    await editThenSync(folder, 'record-1', 'First edit');
    expect(folder.changes.trusted).toBe(true);

    for (let n = 0; n < 600; n++) await folder.write('record-0', `Burst ${n}`);
    folder.syncs.length = 0;
    await folder.changes.sync();
    expect(folder.syncs).toEqual(['every file']);
    expect(folder.title('record-0')).toBe('Burst 599');
  });

  it('is not trusted when a look at every file finds what the events did not name', async () => {
    const folder = await setUp();
    // What a file system without events looks like to the daemon: an edit no event names.
    folder.store.sync = (
      (sync) =>
      (options: Parameters<Store['sync']>[0] = {}) =>
        sync(options.names === undefined ? {} : { names: [] })
    )(folder.store.sync);
    for (let n = 0; n < 3; n++) {
      await editThenSync(folder, 'record-1', `Edit ${n}`);
      expect(folder.title('record-1')).toBe(`Edit ${n}`);
      expect(folder.changes.trusted).toBe(false);
    }
  });
});
