import { readFileSync } from 'node:fs';
import { appendFile, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { changedEntries } from './changed-entries.js';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

const SRC = dirname(fileURLToPath(import.meta.url));

/** The package modules a module loads when it runs (type-only imports are erased). */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(
    /^import (?!type )[^;]*?from '([^']+)';/gms,
  )) {
    if (specifier!.startsWith('.')) {
      runtimeImports(join(dirname(file), specifier!.replace(/\.js$/, '.ts')), seen);
    } else seen.add(specifier!);
  }
  return seen;
}

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.remove();
  fixture = undefined;
});

describe('changedEntries', () => {
  // It runs in a worker thread as every store with an index starts: the schema (zod and all)
  // took 150 ms to load there before the worker could look at a single file.
  it('loads nothing of the schema', () => {
    const loaded = [...runtimeImports(join(SRC, 'changed-entries.ts'))];
    expect(loaded.filter((module) => module.startsWith('@briefing/'))).toEqual([]);
    expect(loaded).toContain(join(SRC, 'file-states.ts'));
  });

  it('names the new, changed, removed and refused entries, and no unchanged one', async () => {
    fixture = await makeFixture(record('kept'), record('edited'), record('removed'));
    const { dir } = fixture;
    // Written a minute ago: a file read within moments of its last write may change again
    // unseen in the same clock tick, and is always looked at again (mayHaveChanged).
    const aMinuteAgo = new Date(Date.now() - 60_000);
    for (const name of await readdir(dir)) await utimes(join(dir, name), aMinuteAgo, aMinuteAgo);
    const { indexPath } = await fixture.open();
    await appendFile(join(dir, 'edited.yaml'), '# edited\n');
    await rm(join(dir, 'removed.yaml'));
    await fixture.write(record('added'));
    await writeFile(join(fixture.root, 'outside.txt'), 'not a record');
    await symlink(join(fixture.root, 'outside.txt'), join(dir, 'outside.yaml'));

    expect(await changedEntries({ indexPath, dir, realDir: dir })).toEqual([
      'added.yaml',
      'edited.yaml',
      'outside.yaml',
      'removed.yaml',
    ]);
  });
});
