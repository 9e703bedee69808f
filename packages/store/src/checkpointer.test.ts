import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@briefing/schema/testing';
import { Checkpointer } from './checkpointer.js';
import { configureWriter } from './database.js';

let temp: { dir: string; remove: () => Promise<void> };
beforeEach(async () => {
  temp = await makeTempDir('briefing-checkpoint-');
});
afterEach(() => temp.remove());

describe('Checkpointer', () => {
  it('copies a large write-ahead log into the database file from its own thread', async () => {
    const path = join(temp.dir, 'index.sqlite');
    const db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x TEXT)');
    const errors: string[] = [];
    const checkpointer = new Checkpointer({
      path,
      limit: 64 * 1024,
      onError: (m) => errors.push(m),
    });
    const before = statSync(path).size;
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.exec('BEGIN');
    for (let i = 0; i < 2000; i += 1) insert.run('x'.repeat(200));
    db.exec('COMMIT');
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(64 * 1024);
    await checkpointer.afterCommit();
    expect(statSync(path).size).toBeGreaterThan(before + 300_000);
    expect(errors).toEqual([]);
    await checkpointer.close();
    db.close();
  });

  it('empties the log file itself, so that no commit of the writer has to', async () => {
    const { path, db, checkpointer, errors } = writerWithLargeLog();
    // The writer never cuts the log back: it would, inside its next COMMIT, on the event loop.
    expect(db.prepare('PRAGMA journal_size_limit').get()).toEqual({ journal_size_limit: -1 });
    await checkpointer.afterCommit();
    expect(statSync(`${path}-wal`).size).toBe(0);
    // The writer goes on, and nothing was lost.
    db.prepare('INSERT INTO t VALUES (?)').run('after');
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2001 });
    expect(errors).toEqual([]);
    await checkpointer.close();
    db.close();
  });

  it('leaves the log file to a reader still reading from it, without waiting, and empties it later', async () => {
    const { path, db, checkpointer, errors } = writerWithLargeLog();
    const reader = new DatabaseSync(path);
    reader.exec('BEGIN');
    expect(reader.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2000 });
    await checkpointer.afterCommit();
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(64 * 1024);
    reader.exec('COMMIT');
    await checkpointer.afterCommit();
    expect(statSync(`${path}-wal`).size).toBe(0);
    expect(errors).toEqual([]);
    await checkpointer.close();
    reader.close();
    db.close();
  });
});

/** A writer set up as the store's, whose log holds 2,000 rows, and a checkpointer over it. */
function writerWithLargeLog() {
  const path = join(temp.dir, 'index.sqlite');
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x TEXT)');
  configureWriter(db);
  const errors: string[] = [];
  const checkpointer = new Checkpointer({ path, limit: 64 * 1024, onError: (m) => errors.push(m) });
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  db.exec('BEGIN');
  for (let i = 0; i < 2000; i += 1) insert.run('x'.repeat(200));
  db.exec('COMMIT');
  expect(statSync(`${path}-wal`).size).toBeGreaterThan(64 * 1024);
  return { path, db, checkpointer, errors };
}
