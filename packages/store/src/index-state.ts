// What the writer keeps in memory between updates: each file's metadata, which file serves each
// id, and the title order. It mirrors the index and is read back from it when another process
// has written the index since (or after a failed update).
import type { DatabaseSync } from 'node:sqlite';
import type { FileState } from './index-writer.js';
import { readFileStates, readProblemFiles } from './file-states.js';
import { withSmallPageCache } from './small-page-cache.js';
import { TitleOrder, type Titled } from './title-order.js';
import type { TimeSlicer } from './time-slicer.js';

/** The state as read from the index, as plain data. */
export interface StateRows {
  files: Map<string, FileState>;
  servedBy: Map<string, string>;
  titles: Titled[];
  engagements: Map<string, string>;
  entryNames: Set<string>;
  problemFiles: Set<string>;
  /** The problems of the rules across records, in their order. */
  setProblems: {
    file: string;
    line: number | null;
    record_id: string | null;
    path: string;
    message: string;
  }[];
  version: number;
}

export class IndexState {
  files = new Map<string, FileState>();
  /** id → the name of the file whose record is served under it. */
  servedBy = new Map<string, string>();
  titles = new TitleOrder();
  /** Served record id → its engagement id, as the engagements table holds them. */
  engagements = new Map<string, string>();
  /** Names of entries with a problem of their own (refused, *.yml). */
  entryNames = new Set<string>();
  /** Names of files with problems in their content. */
  problemFiles = new Set<string>();
  /** The problems from the rules across records, as one comparable string. */
  setProblemsKey = '';
  /**
   * The files the last run of the rules across records named (in a problem, or as the first
   * of a duplicate id); undefined when they must run again whatever changed.
   */
  setInvolved: Set<string> | undefined;
  /** The data version the state mirrors. */
  version = 0;

  /** Reads the state back from the index, in slices. */
  async load({ db, slicer }: { db: DatabaseSync; slicer: TimeSlicer }): Promise<void> {
    this.adopt(await withSmallPageCache(db, () => readStateRows({ db, slicer })));
  }

  /** Takes the state read from the index. */
  adopt(rows: StateRows): void {
    this.files = rows.files;
    this.servedBy = rows.servedBy;
    this.titles = new TitleOrder();
    this.titles.load(rows.titles);
    this.engagements = rows.engagements;
    this.entryNames = rows.entryNames;
    this.problemFiles = rows.problemFiles;
    this.setProblemsKey = JSON.stringify(rows.setProblems.map((row) => Object.values(row)));
    // The files the stored problems name, and those serving the ids they are about (the first
    // of a duplicate id): what the last run of the rules involved.
    this.setInvolved = new Set(
      rows.setProblems.flatMap((row) => {
        const serving = row.record_id === null ? undefined : rows.servedBy.get(row.record_id);
        return serving === undefined ? [row.file] : [row.file, serving];
      }),
    );
    this.version = rows.version;
  }
}

/** Reads the state from the index, in slices. */
export async function readStateRows({
  db,
  slicer,
}: {
  db: DatabaseSync;
  slicer: TimeSlicer;
}): Promise<StateRows> {
  const files = await readFileStates({ db, slicer });
  // Two scans in table order, which SQLite reads sequentially: a join ordered by rank would
  // look each record up at random in the large records table.
  const servedBy = new Map<string, string>();
  const titleOf = new Map<string, string>();
  const recordRows = db.prepare('SELECT id, file, title FROM records');
  recordRows.setReturnArrays(true);
  for (const [id, file, title] of recordRows.iterate() as Iterable<[string, string, string]>) {
    servedBy.set(id, file);
    titleOf.set(id, title);
    if (slicer.due()) await slicer.pause();
  }
  const titles: Titled[] = [];
  const rankRows = db.prepare('SELECT record_id, rank FROM title_ranks ORDER BY rank');
  rankRows.setReturnArrays(true);
  for (const [id, rank] of rankRows.iterate() as Iterable<[string, number]>) {
    const title = titleOf.get(id);
    if (title !== undefined) titles.push({ id, title, rank });
    if (slicer.due()) await slicer.pause();
  }
  const engagements = new Map<string, string>();
  const engagementRows = db.prepare('SELECT record_id, engagement_id FROM engagements');
  engagementRows.setReturnArrays(true);
  for (const [recordId, engagementId] of engagementRows.iterate() as Iterable<[string, string]>) {
    engagements.set(recordId, engagementId);
    if (slicer.due()) await slicer.pause();
  }
  const entryNames = readProblemFiles({ db, kind: 'entry' });
  const problemFiles = readProblemFiles({ db, kind: 'file' });
  const setProblems = db
    .prepare(
      "SELECT file, line, record_id, path, message FROM problems WHERE kind = 'set' ORDER BY rowid",
    )
    .all();
  const version = db.prepare("SELECT value FROM meta WHERE key = 'data_version'").get() as {
    value: string;
  };

  return {
    files,
    servedBy,
    titles,
    engagements,
    entryNames,
    problemFiles,
    setProblems: setProblems as StateRows['setProblems'],
    version: Number(version.value),
  };
}
