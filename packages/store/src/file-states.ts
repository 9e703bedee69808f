// What the index knows of each file it read: the files table and the entries with problems of
// their own. Apart from the rest of the index's state, because a worker thread reads it to find
// the changed files as a store starts: this module imports nothing heavy (not the schema), so
// the worker starts looking sooner.
import type { DatabaseSync } from 'node:sqlite';
import type { Related } from '@briefing/schema';
import type { FileState } from './index-writer.js';
import type { TimeSlicer } from './time-slicer.js';

/** A row of the files table, as read with big integers and as an array. */
type FileRow = [
  name: string,
  size: bigint,
  mtimeNs: bigint,
  ctimeNs: bigint,
  ino: bigint,
  hash: string,
  readNs: bigint,
  valid: bigint,
  goodId: string | null,
  goodRelated: string | null,
];

/** What the store knows of each file it read (the files table), in slices. */
export async function readFileStates({
  db,
  slicer,
}: {
  db: DatabaseSync;
  slicer: TimeSlicer;
}): Promise<Map<string, FileState>> {
  // Rows as arrays, each table read in its own order: the 100,000 rows of a large index then
  // take a third of the time (it starts every store).
  const files = new Map<string, FileState>();
  const fileRows = db.prepare(
    `SELECT name, size, mtime_ns, ctime_ns, ino, hash, read_ns, valid, good_id, good_related
      FROM files`,
  );
  fileRows.setReadBigInts(true);
  fileRows.setReturnArrays(true);
  for (const row of fileRows.iterate() as Iterable<FileRow>) {
    const [name, size, mtimeNs, ctimeNs, ino, contentHash, readNs, valid, goodId, related] = row;
    files.set(name, {
      name,
      size: Number(size),
      mtimeNs,
      ctimeNs,
      ino,
      hash: contentHash,
      readNs,
      valid: valid === 1n,
      ...(goodId === null ? {} : { goodId }),
      ...(related === null ? {} : { goodRelated: JSON.parse(related) as Related[] }),
    });
    if (slicer.due()) await slicer.pause();
  }
  return files;
}

/** The names of the entries (`entry`) or files (`file`) with problems of their own. */
export function readProblemFiles({
  db,
  kind,
}: {
  db: DatabaseSync;
  kind: 'entry' | 'file';
}): Set<string> {
  const rows = db.prepare('SELECT DISTINCT file FROM problems WHERE kind = ?').all(kind) as {
    file: string;
  }[];
  return new Set(rows.map((row) => row.file));
}
