import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture(
    record('a', { title: 'Lavrov visits Pyongyang' }),
    record('b', { title: 'Kim travels to Vostochny', related: [{ id: 'a', relation: 'follows' }] }),
  );
});
afterEach(() => fixture.remove());

describe('exportSqlite', () => {
  it('writes a self-contained copy with the documented tables, and full-text search working', async () => {
    const store = await fixture.open();
    const target = join(fixture.root, 'briefing.sqlite');
    await writeFile(target, 'an older export');
    await store.exportSqlite(target);
    expect(existsSync(`${target}-wal`)).toBe(false);
    const db = new DatabaseSync(target, { readOnly: true });
    try {
      const tables = (
        db
          .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'records_fts_%' ORDER BY name",
          )
          .all() as { name: string }[]
      ).map((row) => row.name);
      expect(tables).toEqual([
        'actors',
        'engagements',
        'meta',
        'months',
        'places',
        'problems',
        'records',
        'records_fts',
        'relations',
        'sources',
        'themes',
      ]);
      const columns = (db.prepare('PRAGMA table_info(records)').all() as { name: string }[]).map(
        (c) => c.name,
      );
      expect(columns).not.toContain('haystack');
      expect(columns).toEqual(
        expect.arrayContaining(['id', 'json', 'title', 'start_date', 'end_date', 'file', 'hash']),
      );
      const hits = db
        .prepare(
          "SELECT r.id FROM records_fts JOIN records r ON r.key = records_fts.rowid WHERE records_fts MATCH 'vostoch*'",
        )
        .all();
      expect(hits).toEqual([{ id: 'b' }]);
      expect(db.prepare('SELECT record_id, related_id, relation FROM relations').all()).toEqual([
        { record_id: 'b', related_id: 'a', relation: 'follows' },
      ]);
      expect(
        JSON.parse(
          (db.prepare("SELECT json FROM records WHERE id = 'b'").get() as { json: string }).json,
        ),
      ).toEqual(store.get('b'));
      const meta = Object.fromEntries(
        (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map(
          (r) => [r.key, r.value],
        ),
      );
      expect(meta).toMatchObject({ data_version: String(store.dataVersion) });
      expect(meta).not.toHaveProperty('fingerprint');
      expect(meta.exported_at).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(
        (db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode,
      ).toBe('delete');
    } finally {
      db.close();
    }
  });
});
