import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@briefing/schema/testing';
import { withSmallPageCache } from './small-page-cache.js';

let temp: { dir: string; remove: () => Promise<void> };
beforeEach(async () => {
  temp = await makeTempDir('briefing-page-cache-');
});
afterEach(() => temp.remove());

const cacheSize = (db: DatabaseSync) =>
  (db.prepare('PRAGMA cache_size').get() as { cache_size: number }).cache_size;

describe('withSmallPageCache', () => {
  it('reads with a 2 MiB page cache and gives the connection its own size back', async () => {
    const db = new DatabaseSync(join(temp.dir, 'index.sqlite'));
    db.exec('PRAGMA cache_size = -65536; CREATE TABLE t (x TEXT)');
    db.exec("INSERT INTO t VALUES ('a'), ('b')");
    const seen = await withSmallPageCache(db, async () => {
      await new Promise((done) => setImmediate(done));
      return { size: cacheSize(db), rows: db.prepare('SELECT x FROM t ORDER BY x').all() };
    });
    expect(seen).toEqual({ size: -2048, rows: [{ x: 'a' }, { x: 'b' }] });
    expect(cacheSize(db)).toBe(-65536);
    db.close();
  });

  it('gives the size back when the read fails, and passes the failure on', async () => {
    const db = new DatabaseSync(join(temp.dir, 'index.sqlite'));
    db.exec('PRAGMA cache_size = 1000');
    await expect(
      withSmallPageCache(db, () => Promise.reject(new Error('the index went away'))),
    ).rejects.toThrow('the index went away');
    expect(cacheSize(db)).toBe(1000);
    db.close();
  });
});
