import { openReader } from './database.js';
import type { Store } from './store.js';

/**
 * The hash of the file bytes each record's indexed version was read from, by record id, with
 * the data version they belong to (one snapshot): what a build output keeps to tell, in a later
 * process, which records changed since it was written. Read-only, on its own connection.
 */
export function recordHashes(
  store: Pick<Store, 'indexPath'>,
  {
    ids,
  }: {
    /** Only these records (those a change touched); a record not found is left out. */
    ids?: readonly string[];
  } = {},
): {
  dataVersion: number;
  hashes: Map<string, string>;
} {
  const db = openReader(store.indexPath);
  try {
    db.exec('BEGIN');
    const meta = db.prepare(`SELECT value FROM meta WHERE key = 'data_version'`).get() as
      { value: string } | undefined;
    const rows = (
      ids === undefined
        ? db.prepare('SELECT id, hash FROM records').all()
        : db
            .prepare('SELECT id, hash FROM records WHERE id IN (SELECT value FROM json_each(?))')
            .all(JSON.stringify(ids))
    ) as { id: string; hash: string }[];
    db.exec('COMMIT');
    return {
      dataVersion: Number(meta?.value ?? 0),
      hashes: new Map(rows.map((row) => [row.id, row.hash])),
    };
  } finally {
    db.close();
  }
}
