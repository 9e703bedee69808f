import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@briefing/schema/testing';
import { Checkpointer } from './checkpointer.js';

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
});
