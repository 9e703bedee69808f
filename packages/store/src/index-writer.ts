// Every write to the index, as prepared statements on the writer connection. The caller holds
// the transaction; nothing here commits.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Problem, Related } from '@briefing/schema';
import { ChangedKeys } from './changed-keys.js';
import type { RecordRow } from './record-row.js';

/** What the store remembers of a file it read, to know later whether it changed. */
export interface FileState {
  name: string;
  size: number;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
  /** sha256 of the bytes last read ('' when they could not be read). */
  hash: string;
  /** When they were read (ns since the epoch): an mtime this close may hide a later write. */
  readNs: bigint;
  /** Whether those bytes are a valid record. */
  valid: boolean;
  /** The last valid record read from the file: its id and links (it may be served or not). */
  goodId?: string;
  goodRelated?: Related[];
}

/** A problem row: the file is its name in the data folder. */
export type ProblemKind = 'entry' | 'file' | 'set';

/** Records added to the full-text index in one statement (see #flushSearch). */
const SEARCH_BATCH = 1000;

export class IndexWriter {
  readonly #statements: Record<string, StatementSync>;
  /**
   * Keys of records inserted but not yet in the full-text index. FTS5 writes its pending terms
   * out at the end of every statement that changes it: one insert per record made a segment per
   * record to merge, more than half of a first build's writing. Batches of SEARCH_BATCH cost a
   * sixth of that. Every update ends with flushSearch, inside its transaction.
   */
  readonly #unsearchable = new Set<number>();
  /**
   * Whether this update changed a name or country some record has (the facets' values): a
   * record deleted and written again with the same names changes nothing there (most edits).
   */
  readonly #names = new ChangedKeys((id) => this.#namesInIndex(id));
  /**
   * Whether it changed what the month-by-theme counts are made of: a record's months or
   * themes, or any record's engagement (most edits change none).
   */
  readonly #monthThemes = new ChangedKeys((id) => this.#monthThemesInIndex(id));
  /**
   * Whether it changed how many records and engagements there are: a record added or removed,
   * or any record's engagement (an edit, deleted then inserted again, changes neither).
   */
  readonly #counts = new ChangedKeys((id) =>
    this.#statements.keyOf!.get(id) === undefined ? '' : 'a record',
  );

  constructor(readonly db: DatabaseSync) {
    const prepare = (sql: string) => db.prepare(sql);
    this.#statements = {
      insertRecord: prepare(`INSERT INTO records (id, type, status, start_date, end_date,
        precision, confidence, announced_on, created, updated, title, file, size,
        mtime, hash, names, summary, json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertTitleRank: prepare('INSERT INTO title_ranks (record_id, rank) VALUES (?, ?)'),
      deleteTitleRank: prepare('DELETE FROM title_ranks WHERE record_id = ?'),
      deleteTitleRanks: prepare('DELETE FROM title_ranks'),
      insertHaystack: prepare(
        'INSERT INTO haystacks (record_id, haystack, exact) VALUES (?, ?, ?)',
      ),
      insertActor: prepare(`INSERT INTO actors (record_id, position, name, name_folded, country,
        office, role) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      insertPlace: prepare(`INSERT INTO places (record_id, position, name, name_folded, country,
        lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      insertTheme: prepare('INSERT INTO themes (record_id, position, theme) VALUES (?, ?, ?)'),
      insertSource: prepare(`INSERT INTO sources (record_id, position, publisher, title, url,
        document, published, accessed, language, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertRelation: prepare(
        'INSERT INTO relations (record_id, position, related_id, relation) VALUES (?, ?, ?, ?)',
      ),
      putEngagement: prepare(
        'INSERT OR REPLACE INTO engagements (record_id, engagement_id) VALUES (?, ?)',
      ),
      deleteEngagement: prepare('DELETE FROM engagements WHERE record_id = ?'),
      insertMonth: prepare('INSERT INTO months (record_id, month) VALUES (?, ?)'),
      deleteRecord: prepare('DELETE FROM records WHERE id = ?'),
      keyOf: prepare('SELECT key FROM records WHERE id = ?'),
      monthThemesOf: prepare(`SELECT
        (SELECT group_concat(month, ' ' ORDER BY month) FROM months WHERE record_id = ?1) AS months,
        (SELECT group_concat(theme, ' ' ORDER BY theme) FROM themes WHERE record_id = ?1) AS themes`),
      namesOf: prepare(`SELECT 'a' AS kind, position, name, country FROM actors WHERE record_id = ?1
        UNION ALL SELECT 'p', position, name, country FROM places WHERE record_id = ?1
        ORDER BY kind, position`),
      addSearchRows: prepare(`INSERT INTO records_fts (rowid, title, summary, names)
        SELECT key, title, summary, names FROM records
        WHERE key IN (SELECT value FROM json_each(?))`),
      deleteSearchRow: prepare(`INSERT INTO records_fts (records_fts, rowid, title, summary, names)
        SELECT 'delete', key, title, summary, names FROM records WHERE key = ?`),
      deleteActors: prepare('DELETE FROM actors WHERE record_id = ?'),
      deletePlaces: prepare('DELETE FROM places WHERE record_id = ?'),
      deleteThemes: prepare('DELETE FROM themes WHERE record_id = ?'),
      deleteSources: prepare('DELETE FROM sources WHERE record_id = ?'),
      deleteRelations: prepare('DELETE FROM relations WHERE record_id = ?'),
      deleteMonths: prepare('DELETE FROM months WHERE record_id = ?'),
      deleteHaystack: prepare('DELETE FROM haystacks WHERE record_id = ?'),
      setTitleRank: prepare('UPDATE title_ranks SET rank = ? WHERE record_id = ?'),
      upsertFile: prepare(`INSERT OR REPLACE INTO files (name, size, mtime_ns, ctime_ns, ino, hash,
        read_ns, valid, good_id, good_related) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      deleteFile: prepare('DELETE FROM files WHERE name = ?'),
      insertProblem: prepare(`INSERT INTO problems (file, kind, line, record_id, path, message)
        VALUES (?, ?, ?, ?, ?, ?)`),
      deleteProblems: prepare('DELETE FROM problems WHERE file = ? AND kind = ?'),
      deleteProblemsOfKind: prepare('DELETE FROM problems WHERE kind = ?'),
      problemsOf: prepare(`SELECT line, record_id, path, message FROM problems
        WHERE file = ? AND kind = ? ORDER BY rowid`),
      setMeta: prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      getMeta: prepare('SELECT value FROM meta WHERE key = ?'),
    };
  }

  #run(name: string, ...values: (string | number | bigint | null)[]): void {
    this.#statements[name]!.run(...values);
  }

  /**
   * Adds a record served from `file`, with its rows in every table; the full-text index has it
   * after the next flushSearch.
   */
  insertRecord({
    row,
    file,
    size,
    mtimeMs,
    hash,
    titleRank,
  }: {
    row: RecordRow;
    file: string;
    size: number;
    mtimeMs: number;
    hash: string;
    titleRank: number;
  }): void {
    const { id } = row;
    this.#names.inserting(id, namesKey(row));
    this.#monthThemes.inserting(id, monthThemesKey(row));
    this.#counts.inserting(id, 'a record');
    const { lastInsertRowid } = this.#statements.insertRecord!.run(
      id,
      row.type,
      row.status,
      row.startDate,
      row.endDate,
      row.precision,
      row.confidence,
      row.announcedOn,
      row.created,
      row.updated,
      row.title,
      file,
      size,
      new Date(mtimeMs).toISOString(),
      hash,
      row.names,
      row.summary,
      row.json,
    );
    this.#unsearchable.add(Number(lastInsertRowid));
    if (this.#unsearchable.size >= SEARCH_BATCH) this.#flushBatch();
    this.#run('insertTitleRank', id, titleRank);
    this.#run('insertHaystack', id, row.haystack, row.exact);
    row.actors.forEach((cells, position) => this.#run('insertActor', id, position, ...cells));
    row.places.forEach((cells, position) => this.#run('insertPlace', id, position, ...cells));
    row.themes.forEach((theme, position) => this.#run('insertTheme', id, position, theme));
    row.sources.forEach((cells, position) => this.#run('insertSource', id, position, ...cells));
    row.relations.forEach((cells, position) => this.#run('insertRelation', id, position, ...cells));
    for (const month of row.months) this.#run('insertMonth', id, month);
  }

  /** Removes a record and its rows everywhere, the full-text index included. */
  deleteRecord(id: string): void {
    this.#names.deleting(id);
    this.#monthThemes.deleting(id);
    this.#counts.deleting(id);
    const found = this.#statements.keyOf!.get(id) as { key: number } | undefined;
    if (found !== undefined && !this.#unsearchable.delete(found.key)) {
      this.#run('deleteSearchRow', found.key);
    }
    for (const statement of [
      'deleteRecord',
      'deleteActors',
      'deletePlaces',
      'deleteThemes',
      'deleteSources',
      'deleteRelations',
      'deleteMonths',
      'deleteHaystack',
      'deleteTitleRank',
    ]) {
      this.#run(statement, id);
    }
  }

  /** Sets a record's engagement (the rows live apart from the record's: see index-schema.ts). */
  putEngagement(recordId: string, engagementId: string): void {
    this.#run('putEngagement', recordId, engagementId);
    this.#monthThemes.change();
    this.#counts.change();
  }

  deleteEngagement(recordId: string): void {
    this.#run('deleteEngagement', recordId);
    this.#monthThemes.change();
    this.#counts.change();
  }

  /** Adds every record inserted since the last flush to the full-text index. */
  flushSearch(): void {
    while (this.#unsearchable.size > 0) this.#flushBatch();
  }

  /** Forgets the records waiting for the full-text index (their transaction was rolled back). */
  discardPending(): void {
    this.#unsearchable.clear();
    this.takeNamesChanged();
    this.takeMonthThemesChanged();
    this.takeCountsChanged();
  }

  /**
   * Whether the update since the last call changed the names or countries some record has:
   * a record added or deleted with any, or written again with others. Starts the next update.
   */
  takeNamesChanged(): boolean {
    return this.#names.take();
  }

  /**
   * Whether the update since the last call changed a record's months or themes, added or
   * removed a record, or moved a record to another engagement. Starts the next update.
   */
  takeMonthThemesChanged(): boolean {
    return this.#monthThemes.take();
  }

  /**
   * Whether the update since the last call added or removed a record, or moved one to another
   * engagement. Starts the next update.
   */
  takeCountsChanged(): boolean {
    return this.#counts.take();
  }

  #monthThemesInIndex(id: string): string {
    const row = this.#statements.monthThemesOf!.get(id) as
      { months: string | null; themes: string | null } | undefined;
    return row?.months == null ? '' : `${row.months}|${row.themes ?? ''}`;
  }

  #namesInIndex(id: string): string {
    const rows = this.#statements.namesOf!.all(id) as {
      kind: string;
      name: string;
      country: string;
    }[];
    return rows
      .map((named) => `${named.kind}\u001f${named.name}\u001f${named.country}`)
      .join('\u001e');
  }

  #flushBatch(): void {
    const keys: number[] = [];
    for (const key of this.#unsearchable) {
      keys.push(key);
      if (keys.length === SEARCH_BATCH) break;
    }
    this.#run('addSearchRows', JSON.stringify(keys));
    for (const key of keys) this.#unsearchable.delete(key);
  }

  setTitleRank(id: string, rank: number): void {
    this.#run('setTitleRank', rank, id);
  }

  /** Removes every title rank, before writing them all again in order (after a bulk change). */
  clearTitleRanks(): void {
    this.#run('deleteTitleRanks');
  }

  addTitleRank(id: string, rank: number): void {
    this.#run('insertTitleRank', id, rank);
  }

  putFile(state: FileState): void {
    this.#run(
      'upsertFile',
      state.name,
      state.size,
      state.mtimeNs,
      state.ctimeNs,
      state.ino,
      state.hash,
      state.readNs,
      state.valid ? 1 : 0,
      state.goodId ?? null,
      state.goodRelated === undefined ? null : JSON.stringify(state.goodRelated),
    );
  }

  deleteFile(name: string): void {
    this.#run('deleteFile', name);
  }

  /** Replaces the problems of one kind for one file (its name in the data folder). */
  setProblems({
    name,
    kind,
    problems,
  }: {
    name: string;
    kind: ProblemKind;
    problems: readonly Problem[];
  }): void {
    this.#run('deleteProblems', name, kind);
    for (const problem of problems) this.#insertProblem(name, kind, problem);
  }

  /** Replaces every problem found by the rules across records. */
  setSetProblems(problems: readonly { name: string; problem: Problem }[]): void {
    this.#run('deleteProblemsOfKind', 'set');
    for (const { name, problem } of problems) this.#insertProblem(name, 'set', problem);
  }

  /** The problems of one kind for a file, as one comparable string. */
  problemsOf({ name, kind }: { name: string; kind: ProblemKind }): string {
    const rows = this.#statements.problemsOf!.all(name, kind);
    return JSON.stringify(rows.map((row) => Object.values(row)));
  }

  #insertProblem(name: string, kind: ProblemKind, problem: Problem): void {
    this.#run(
      'insertProblem',
      name,
      kind,
      problem.line ?? null,
      problem.recordId ?? null,
      problem.path,
      problem.message,
    );
  }

  getMeta(key: string): string | undefined {
    return (this.#statements.getMeta!.get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.#run('setMeta', key, value);
  }
}

/** A record's months and themes, as #monthThemesInIndex reads them back. */
function monthThemesKey(row: RecordRow): string {
  return `${[...row.months].sort().join(' ')}|${[...row.themes].sort().join(' ')}`;
}

/** A record's actors and places as the facets' values read them (names and countries), in order. */
function namesKey(row: RecordRow): string {
  return [
    ...row.actors.map((cells) => `a\u001f${cells[0]}\u001f${cells[2]}`),
    ...row.places.map((cells) => `p\u001f${cells[0]}\u001f${cells[2]}`),
  ].join('\u001e');
}
