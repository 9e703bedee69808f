// A first build writes every row of the index: keeping its secondary indexes up to date row by
// row cost the writer thread 10–20 % of its time. They are dropped for the build and made again
// once after it (a sort each), inside the same transaction: a build cut short leaves them as
// they were.
import type { DatabaseSync } from 'node:sqlite';

// Read while the build writes (problems are replaced file by file): kept.
const KEPT = new Set(['problems_by_file']);

/** Drops the secondary indexes a bulk write does not read; returns the statements that remake them. */
export function dropSecondaryIndexes(db: DatabaseSync): string[] {
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  const dropped = indexes.filter(({ name }) => !KEPT.has(name));
  for (const { name } of dropped) db.exec(`DROP INDEX "${name}"`);
  return dropped.map(({ sql }) => sql);
}
