import { spawn } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_DIR, scriptArgs } from './test-support/child-script.js';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

/** Runs crash-child.ts on the fixture and SIGKILLs it once it is inside its update. */
function killInsideAnUpdate(
  fixture: Fixture,
  when: 'halfway' | 'first' = 'halfway',
): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const process = spawn(
      globalThis.process.execPath,
      scriptArgs('crash-child.ts', fixture, when),
      { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    process.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('in the middle of an update')) process.kill('SIGKILL');
      if (output.includes('finished without stopping'))
        reject(new Error('the child was never inside an update'));
    });
    process.on('error', reject);
    process.on('exit', (_code, signal) => resolve(signal));
  });
}

/** The index as a plain SQLite reader finds it, with SQLite's own integrity checks. */
function inspectIndex(path: string) {
  const db = new DatabaseSync(path);
  try {
    const integrity = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    db.exec("INSERT INTO records_fts (records_fts) VALUES ('integrity-check')");
    const titles = (db.prepare('SELECT title FROM records').all() as { title: string }[]).map(
      (row) => row.title,
    );
    return { integrity: integrity.integrity_check, titles };
  } finally {
    db.close();
  }
}

const COUNT = 300;
const records = (word: string) =>
  Array.from({ length: COUNT }, (_, i) => record(`r-${i}`, { title: `${word} ${i}` }));

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture(...records('Old'));
});
afterEach(() => fixture.remove());

describe('a process killed (SIGKILL) during an index update', () => {
  it('leaves the index of before the update, usable, when every record was changing', async () => {
    const store = await fixture.open();
    const { indexPath } = store;
    await store.close();
    await fixture.write(...records('New'));

    expect(await killInsideAnUpdate(fixture)).toBe('SIGKILL');

    const after = inspectIndex(indexPath);
    expect(after.integrity).toBe('ok');
    // All old: none of the update's writes survived, and none is half there.
    expect(after.titles.filter((title) => title.startsWith('Old'))).toHaveLength(COUNT);
    const reopened = await fixture.open();
    expect(reopened.list({ query: { text: 'new' } }).total).toBe(COUNT);
    expect(reopened.search({ text: 'new' }).total).toBe(COUNT);
  });

  it('leaves a usable, empty index when it was building the first one', async () => {
    expect(await killInsideAnUpdate(fixture)).toBe('SIGKILL');
    const reopened = await fixture.open();
    expect(inspectIndex(reopened.indexPath).integrity).toBe('ok');
    expect(reopened.list().total).toBe(COUNT);
    expect(fixture.logger.text).not.toMatch(/rebuilding/);
  });

  it('leaves the index empty or complete when it was building the first one with a worker checking files', async () => {
    // More files than the store checks on its own thread: a worker checks them, and the store
    // goes on writing until the kill comes.
    await fixture.write(...Array.from({ length: 2000 }, (_, i) => record(`w-${i}`)));
    expect(await killInsideAnUpdate(fixture, 'first')).toBe('SIGKILL');
    const reopened = await fixture.open({ useWorkers: false });
    // Whatever the kill interrupted, the reopened store is consistent and complete.
    expect(inspectIndex(reopened.indexPath).integrity).toBe('ok');
    expect(reopened.list().total).toBe(COUNT + 2000);
    expect(reopened.search({ text: 'lavrov' }).total).toBe(COUNT + 2000);
  });
});
