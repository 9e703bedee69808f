// One update of the index in one write transaction: take the write lock, catch up with what
// another process wrote, run the update, bump the data version if anything changed, commit.
// The store runs it on its own connection, a first build too (with a worker checking files).
import type { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IndexState } from './index-state.js';
import type { IndexWriter } from './index-writer.js';
import type { TimeSlicer } from './time-slicer.js';
import { dropSecondaryIndexes } from './bulk-indexes.js';
import { Update, type UpdateContext } from './update.js';

export interface UpdateRequest {
  /** Look at every entry of the folder (else only `names`). */
  full: boolean;
  names: ReadonlySet<string>;
}

export interface UpdateOutcome {
  /** Whether records or problems changed (and so the data version). */
  changed: boolean;
  dataVersion: number;
  changedAt: string;
  added: string[];
  updated: string[];
  removed: string[];
  stats: Update['stats'];
}

export async function applyUpdate({
  db,
  writer,
  state,
  slicer,
  request,
  context,
}: {
  db: DatabaseSync;
  writer: IndexWriter;
  state: IndexState;
  slicer: TimeSlicer;
  request: UpdateRequest;
  context: Omit<UpdateContext, 'state' | 'writer' | 'slicer'>;
}): Promise<UpdateOutcome> {
  let { full } = request;
  await beginWrite(db);
  try {
    // Another process may have written the index since: start from what it holds.
    if (Number(writer.getMeta('data_version')) !== state.version) {
      await state.load({ db, slicer });
      full = true;
    }
    // A first build: its secondary indexes are made once, after the rows (bulk-indexes.ts).
    const remake = full && state.files.size === 0 ? dropSecondaryIndexes(db) : [];
    const update = new Update({ ...context, state, writer, slicer });
    await update.run(full ? {} : { names: request.names });
    writer.flushSearch();
    for (const sql of remake) db.exec(sql);
    const changes = update.changes();
    const changed =
      update.problemsChanged ||
      changes.added.length + changes.updated.length + changes.removed.length > 0;
    const changedAt = changed ? new Date().toISOString() : (writer.getMeta('changed_at') ?? '');
    const dataVersion = changed ? state.version + 1 : state.version;
    if (changed) {
      writer.setMeta('data_version', String(dataVersion));
      writer.setMeta('changed_at', changedAt);
    }
    // The facets' values (every name and country) are kept by readers until this moves.
    if (writer.takeNamesChanged()) writer.setMeta('names_version', String(dataVersion));
    // So are the month-by-theme counts of every record, until this one moves.
    if (writer.takeMonthThemesChanged()) {
      writer.setMeta('month_themes_version', String(dataVersion));
    }
    // And the whole list's totals, until this one moves.
    if (writer.takeCountsChanged()) writer.setMeta('counts_version', String(dataVersion));
    db.exec('COMMIT');
    state.version = dataVersion;
    return { changed, dataVersion, changedAt, ...changes, stats: update.stats };
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    writer.discardPending();
    // What the writer kept in memory may be ahead of the index now: read it back.
    await state.load({ db, slicer });
    throw error;
  }
}

/** Takes the write lock, waiting (without blocking) while another process holds it. */
async function beginWrite(db: DatabaseSync): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      const busy = (error as { errcode?: number }).errcode === 5;
      if (!busy || attempt >= 2000) throw error;
      await sleep(Math.min(50, 2 ** attempt));
    }
  }
}
