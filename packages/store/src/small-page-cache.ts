// Reading whole tables back through the writer's connection would fill its large page cache
// (64 MiB, for the writes of a first build) with pages read once. Memory first touched costs a
// page fault a page, and on a virtual machine that is dearer than reading the pages again from
// the file: at 10,000 records, the scan of the records table took 117 ms with the writer's
// cache and 21 ms with a small one. Such reads run with a small cache.
import type { DatabaseSync } from 'node:sqlite';

const READ_BACK_CACHE_KIB = 2048;

/** Runs `read` with the connection's page cache at 2 MiB, then gives it its size back. */
export async function withSmallPageCache<T>(db: DatabaseSync, read: () => Promise<T>): Promise<T> {
  const { cache_size: size } = db.prepare('PRAGMA cache_size').get() as { cache_size: number };
  db.exec(`PRAGMA cache_size = -${READ_BACK_CACHE_KIB}`);
  try {
    return await read();
  } finally {
    db.exec(`PRAGMA cache_size = ${size}`);
  }
}
