import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { makeDirectory } from '@briefing/repo';
import { CREATE_TABLES, SCHEMA_VERSION } from './index-schema.js';
import { addQueryFunctions } from './query-sql.js';
import type { Logger } from './logger.js';

/**
 * The index's folder (the cache folder) could not be made: a setting of whoever opened the store
 * (a file in its way, a read-only or virtual file system). The message is the file system's.
 */
export class IndexFolderError extends Error {
  constructor(cause: Error) {
    super(cause.message, { cause });
    this.name = 'IndexFolderError';
  }
}

/** The connection that writes the index: its tables are created, or rebuilt when outdated. */
export function openWriter({
  path,
  fingerprint,
  logger,
}: {
  path: string;
  fingerprint: string;
  logger: Logger;
}): { db: DatabaseSync; created: boolean } {
  try {
    makeDirectory(dirname(path));
  } catch (error) {
    throw new IndexFolderError(error as Error);
  }
  ignoreInGit(dirname(path));
  let previousVersion = 0;
  if (existsSync(path)) {
    const verdict = inspect({ path, fingerprint });
    if ('db' in verdict) return { db: verdict.db, created: false };
    logger.warn(`rebuilding the index ${path} from the records: ${verdict.reason}`);
    previousVersion = verdict.dataVersion;
    removeIndex(path);
  }
  const db = connect(path);
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec(CREATE_TABLES);
    const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    setMeta.run('fingerprint', fingerprint);
    // A new index continues from the version of the one it replaces, or from the clock: a
    // version is never reused, so a cache keyed by it never serves data from an older index.
    setMeta.run('data_version', String(Math.max(previousVersion + 1, Date.now())));
    setMeta.run('changed_at', new Date().toISOString());
    // Last: an index whose creation was cut short has version 0 and is rebuilt.
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    db.close();
    throw error;
  }
  return { db, created: true };
}

/** Another connection that writes (a worker thread's): settings as the store's writer. */
export function openWriterConnection(path: string): DatabaseSync {
  const db = connect(path);
  configureWriter(db);
  return db;
}

/** The writer's settings: see openStore. */
export function configureWriter(db: DatabaseSync): void {
  // From now on, a locked index is waited for without blocking the event loop.
  db.exec('PRAGMA busy_timeout = 0');
  db.exec('PRAGMA cache_size = -65536');
  // Checkpoints run in a worker thread (checkpointer.ts), not inside COMMIT on the event loop;
  // so does cutting the log file back: a COMMIT here never truncates it (-1: no limit).
  db.exec('PRAGMA wal_autocheckpoint = 0');
  db.exec('PRAGMA journal_size_limit = -1');
}

/** A connection that only reads: it sees the last committed update, never one in progress. */
export function openReader(path: string): DatabaseSync {
  const db = connect(path);
  db.exec('PRAGMA query_only = 1');
  addQueryFunctions(db);
  return db;
}

function connect(path: string): DatabaseSync {
  // A busy timeout only while opening (another process may be creating the index); the writer
  // then sets it to 0 and retries without blocking the event loop.
  const db = new DatabaseSync(path, { timeout: 5000 });
  db.exec('PRAGMA journal_mode = WAL');
  // In WAL mode, NORMAL keeps every committed transaction through a crash of the process.
  db.exec('PRAGMA synchronous = NORMAL');
  return db;
}

type Verdict = { db: DatabaseSync } | { reason: string; dataVersion: number };

function inspect({ path, fingerprint }: { path: string; fingerprint: string }): Verdict {
  let db: DatabaseSync | undefined;
  try {
    db = connect(path);
    const { user_version: version } = db.prepare('PRAGMA user_version').get() as {
      user_version: number;
    };
    if (version === 0) {
      db.close();
      return { reason: 'its creation was never completed', dataVersion: 0 };
    }
    const meta = new Map(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map(
        (row) => [row.key, row.value],
      ),
    );
    const dataVersion = Number(meta.get('data_version') ?? 0) || 0;
    if (version !== SCHEMA_VERSION) {
      db.close();
      return {
        reason: `it has schema version ${version}, this store writes version ${SCHEMA_VERSION}`,
        dataVersion,
      };
    }
    if (meta.get('fingerprint') !== fingerprint) {
      db.close();
      return {
        reason: 'it was built for another data folder, other limits or another record schema',
        dataVersion,
      };
    }
    return { db };
  } catch (error) {
    db?.close();
    return { reason: `it cannot be read (${(error as Error).message})`, dataVersion: 0 };
  }
}

/** Removes an index file with its write-ahead log and shared-memory file. */
export function removeIndex(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** The cache folder is never committed: it ignores itself, as pytest's and ruff's caches do. */
function ignoreInGit(dir: string): void {
  try {
    writeFileSync(
      `${dir}/.gitignore`,
      '# Created by @briefing/store: a cache, never committed.\n*\n',
      {
        flag: 'wx',
      },
    );
  } catch {
    // Already there (or not writable): nothing to do.
  }
}
