// Answers that every process asks first (the facets and month counts of the whole list) are
// kept in the index with the data version they were computed from: a process that starts on an
// unchanged index reads them instead of counting 10,000 records again before its first page.
import type { DatabaseSync } from 'node:sqlite';

/** A kept answer, as JSON, for the data version it was computed from; undefined if none. */
export function readKeptAnswer({
  db,
  key,
  dataVersion,
}: {
  db: DatabaseSync;
  key: string;
  dataVersion: number;
}): unknown {
  const row = db
    .prepare('SELECT value FROM answers WHERE key = ? AND data_version = ?')
    .get(key, dataVersion) as { value: string } | undefined;
  return row === undefined ? undefined : deepFreeze(JSON.parse(row.value));
}

/**
 * Keeps an answer, if the index still holds the data version it was computed from, and drops
 * the answers of other versions. Only a cache: an index busy with another process's update
 * (it is then written again anyway) is left as it is.
 */
export function keepAnswer({
  db,
  key,
  dataVersion,
  value,
}: {
  db: DatabaseSync;
  key: string;
  dataVersion: number;
  value: unknown;
}): void {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch {
    return;
  }
  try {
    const current = db.prepare("SELECT value FROM meta WHERE key = 'data_version'").get() as
      { value: string } | undefined;
    if (Number(current?.value) === dataVersion) {
      db.prepare('DELETE FROM answers WHERE data_version <> ?').run(dataVersion);
      db.prepare('INSERT OR REPLACE INTO answers (key, data_version, value) VALUES (?, ?, ?)').run(
        key,
        dataVersion,
        JSON.stringify(value),
      );
    }
    db.exec('COMMIT');
  } catch {
    if (db.isTransaction) db.exec('ROLLBACK');
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
