import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Briefing } from '@briefing/schema';
import { openReader } from './database.js';

/**
 * The records of an index, by id, read on a connection of its own: for another thread that
 * shares a build's work (a worker rendering a share of the records), at the data version the
 * build reads. Read-only.
 */
export class IndexRecords {
  readonly #db: DatabaseSync;
  readonly #byId: StatementSync;
  readonly #version: StatementSync;

  constructor(indexPath: string) {
    this.#db = openReader(indexPath);
    this.#byId = this.#db.prepare('SELECT json FROM records WHERE id = ?');
    this.#version = this.#db.prepare(`SELECT value FROM meta WHERE key = 'data_version'`);
  }

  /**
   * Runs `read` in one read transaction, given its data version: everything it reads comes
   * from that version.
   */
  snapshot<T>(read: (dataVersion: number) => T): T {
    this.#db.exec('BEGIN');
    try {
      const row = this.#version.get() as { value: string } | undefined;
      return read(Number(row?.value ?? 0));
    } finally {
      this.#db.exec('COMMIT');
    }
  }

  /** The record with this id, or undefined if the index has none. */
  get(id: string): Briefing | undefined {
    const row = this.#byId.get(id) as { json: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.json) as Briefing);
  }

  close(): void {
    this.#db.close();
  }
}
