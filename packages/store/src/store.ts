import { hash } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import {
  briefingJsonSchema,
  DEFAULT_MAX_ALIAS_COUNT,
  DEFAULT_MAX_BYTES,
  findDataRoot,
  formatProblem,
  sortProblems,
  type Briefing,
  type BriefingQuery,
  type CountUnit,
  type MonthThemeCell,
  type Problem,
} from '@briefing/schema/node';
import { findRepoRoot } from '@briefing/repo';
import { configureWriter, openReader, openWriter } from './database.js';
import { Checkpointer } from './checkpointer.js';
import { exportIndex } from './export-sqlite.js';
import { CREATE_TABLES, SCHEMA_VERSION } from './index-schema.js';
import { IndexState } from './index-state.js';
import { IndexWriter } from './index-writer.js';
import { consoleLogger, type Logger } from './logger.js';
import { selectRecords } from './query-sql.js';
import {
  IndexReader,
  type Engagement,
  type FacetValues,
  type ListOptions,
  type ListResult,
  type RelatedLinks,
  type SearchOptions,
  type SearchResult,
  type Sort,
} from './reader.js';
import { reason } from './scan.js';
import { defaultSpellings, SpellingIndex, type Spellings } from './spellings.js';
import { TimeSlicer } from './time-slicer.js';
import { applyUpdate, type UpdateOutcome } from './apply-update.js';
import { WORKER_UPDATE, type SyncProgress } from './update.js';
import { ParsePool } from './parse-pool.js';
import { changedEntriesInWorker } from './changed-entries.js';
import { checkFile } from './check-file.js';
import { keepAnswer } from './kept-answers.js';

export interface StoreOptions {
  /** The folder of `<id>.yaml` records; problems name its files under it as given here. */
  dir: string;
  /** Where relative paths are resolved from (default: the process's working directory). */
  cwd?: string;
  /**
   * The folder of the index (default: `.cache/briefing/` in the repository that holds `dir`, the
   * nearest folder above it with a pnpm-workspace.yaml; else `.cache/briefing/` beside `dir`).
   */
  cacheDir?: string;
  /** The directory `document:` sources are relative to (default: as loadBriefings finds it). */
  root?: string;
  /** Other spellings of names for `search` (default: this package's data/name-scripts.json). */
  spellings?: Spellings;
  logger?: Logger;
  /** Largest record file read, in bytes (default as loadBriefings). */
  maxBytes?: number;
  maxAliasCount?: number;
  /** Called as an update progresses (a first build of a large folder takes seconds). */
  onProgress?: (progress: SyncProgress) => void;
  /** Longest the store works before letting the event loop run, in ms (default 8). */
  sliceMs?: number;
  /**
   * Whether large updates may use worker threads (default true): a first build of a large
   * folder runs in one, and a large update checks files in one.
   */
  useWorkers?: boolean;
  /**
   * When an index of the folder is already there: resolve at once, answering from the index as
   * last written, and bring it up to date in the background (see `Store.upToDate`); the folder
   * is looked at in a worker thread. Without an index, the first build is done before openStore
   * resolves either way. Default false: openStore resolves once the index is up to date.
   */
  checkInBackground?: boolean;
}

/** What one update changed. */
export interface StoreChange {
  dataVersion: number;
  /** When the update was committed (ISO 8601). */
  changedAt: string;
  added: string[];
  updated: string[];
  removed: string[];
}

export interface SyncResult extends StoreChange {
  /** Whether records or problems changed (and so the data version). */
  changed: boolean;
  folder: 'present' | 'missing';
  /**
   * Entries looked at, files read (and hashed), files parsed and checked (and of those, in a
   * worker thread); CPU time of the thread that ran the update and of the worker checking files.
   */
  stats: UpdateOutcome['stats'];
}

export interface StoreStatus {
  dataVersion: number;
  changedAt: string;
  records: number;
  problems: number;
  folder: 'present' | 'missing';
  /** The index file. */
  indexPath: string;
  /** What the last update (sync) did, once one has run. */
  lastSync?: SyncResult;
}

type Folder =
  { present: true; identity: string; realDir: string } | { present: false; reason: string };

/** Opens (creating or rebuilding it if needed) the index of a folder of records, and brings it up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const cwd = options.cwd ?? process.cwd();
  const dir = resolve(cwd, options.dir);
  const cacheDir =
    options.cacheDir === undefined ? defaultCacheDir(dir) : resolve(cwd, options.cacheDir);
  const indexPath = join(cacheDir, indexFileName(dir));
  const logger = options.logger ?? consoleLogger;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxAliasCount = options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT;
  const root = options.root === undefined ? undefined : resolve(cwd, options.root);
  const fingerprint = hash(
    'sha256',
    JSON.stringify({
      version: SCHEMA_VERSION,
      // The tables themselves: a change to them rebuilds the index even if the version was not bumped.
      tables: CREATE_TABLES,
      dir,
      root: root ?? null,
      maxBytes,
      maxAliasCount,
      // The rules a cached validation followed, and the collation of the title order.
      schema: briefingJsonSchema(),
      icu: process.versions.icu ?? null,
    }),
  );
  const { db: writerDb, created } = openWriter({ path: indexPath, fingerprint, logger });
  configureWriter(writerDb);
  const store = new Store({
    options,
    dir,
    indexPath,
    writerDb,
    readerDb: openReader(indexPath),
    logger,
    maxBytes,
    maxAliasCount,
    root,
  });
  const indexed = !created && writerDb.prepare('SELECT 1 FROM files LIMIT 1').get() !== undefined;
  if (options.checkInBackground === true && indexed) store.startInBackground();
  else await store.start({ indexed });
  return store;
}

/** The default cache folder for a data folder. */
export function defaultCacheDir(dir: string): string {
  return join(findRepoRoot({ from: dir }) ?? dirname(dir), '.cache', 'briefing');
}

/** One index file per data folder, so that two folders never share (and rebuild) one index. */
function indexFileName(dir: string): string {
  return `${basename(dir) || 'data'}-${hash('sha256', dir).slice(0, 8)}.sqlite`;
}

/**
 * The live index of one folder of records. Queries are synchronous and always see one
 * committed update; `sync` (or a watcher, see watchStore) applies changes in the background.
 */
export class Store {
  readonly #options: StoreOptions;
  /** The data folder, absolute. */
  readonly dir: string;
  /** The index file. */
  readonly indexPath: string;
  readonly #displayDir: string;
  readonly #writerDb: DatabaseSync;
  readonly #readerDb: DatabaseSync;
  readonly #writer: IndexWriter;
  readonly #reader: IndexReader;
  readonly #checkpointer: Checkpointer;
  readonly #state = new IndexState();
  readonly #logger: Logger;
  readonly #maxBytes: number;
  readonly #maxAliasCount: number;
  readonly #root: string | undefined;
  #documentsRoot: Promise<string> | undefined;
  #folder: Folder | undefined;
  /** The folder the index was last brought up to date with. */
  #syncedIdentity: string | undefined;
  #running: Promise<unknown> = Promise.resolve();
  #next: Promise<SyncResult> | undefined;
  #pending: { full: boolean; names: Set<string> } = { full: false, names: new Set() };
  readonly #listeners = new Set<(change: StoreChange) => void>();
  readonly #closers = new Set<() => Promise<void> | void>();
  #logged = new Set<string>();
  #closed = false;
  #lastSync: SyncResult | undefined;
  #upToDate: Promise<SyncResult | undefined> = Promise.resolve(undefined);

  /** Use openStore. */
  constructor(parts: {
    options: StoreOptions;
    dir: string;
    indexPath: string;
    writerDb: DatabaseSync;
    readerDb: DatabaseSync;
    logger: Logger;
    maxBytes: number;
    maxAliasCount: number;
    root: string | undefined;
  }) {
    this.#options = parts.options;
    this.dir = parts.dir;
    this.indexPath = parts.indexPath;
    this.#displayDir = parts.options.dir;
    this.#writerDb = parts.writerDb;
    this.#readerDb = parts.readerDb;
    this.#writer = new IndexWriter(parts.writerDb);
    this.#reader = new IndexReader(
      parts.readerDb,
      new SpellingIndex(parts.options.spellings ?? defaultSpellings()),
      // Written between updates, on the writer's connection.
      (answer) => {
        if (this.#closed) return;
        this.#running = this.#running
          .catch(() => {})
          .then(() => keepAnswer({ db: this.#writerDb, ...answer }));
      },
    );
    this.#logger = parts.logger;
    this.#checkpointer = new Checkpointer({
      path: parts.indexPath,
      onError: (message) => this.#logger.error(message),
    });
    this.#maxBytes = parts.maxBytes;
    this.#maxAliasCount = parts.maxAliasCount;
    this.#root = parts.root;
  }

  /**
   * Reads the state of the index and brings it up to date (openStore calls it). On an index
   * that has records, a worker thread looks for the entries that changed while this thread
   * reads the state back; only those are then looked at.
   */
  async start({ indexed }: { indexed: boolean }): Promise<void> {
    if (indexed) this.#catchUp(this.#slicer());
    else {
      await this.#state.load({ db: this.#writerDb, slicer: this.#slicer() });
      this.#upToDate = this.sync().then(this.#afterCatchUp);
    }
    await this.#upToDate;
  }

  /**
   * Brings the index up to date in the background (openStore with checkInBackground calls it):
   * queries meanwhile answer from the index as it was. What the writer keeps is read back in
   * slices that rest as long as they work: nobody waits for it, and requests come first.
   */
  startInBackground(): void {
    const budget = this.#options.sliceMs ?? 8;
    this.#catchUp(new TimeSlicer(budget, budget));
  }

  /** A worker thread finds the entries that may have changed since the index was written, then this thread updates only those. */
  #catchUp(slicer: TimeSlicer): void {
    const start = (async () => {
      const folder = this.#checkFolder();
      const looking = folder.present
        ? changedEntriesInWorker({
            indexPath: this.indexPath,
            dir: this.dir,
            realDir: folder.realDir,
          }).catch((error: unknown) => {
            this.#logger.warn(`could not look at the folder in a worker thread: ${reason(error)}`);
            return undefined;
          })
        : Promise.resolve(undefined);
      // (Had another process written the index since the worker looked, the update would read
      // it again.)
      await this.#state.load({ db: this.#writerDb, slicer });
      const found = await looking;
      if (found === undefined) return undefined;
      // Only the entries the worker named need a look, if the folder is still the one it saw;
      // else the update looks at every entry.
      const now = this.#checkFolder();
      if (!folder.present || !now.present || now.identity !== folder.identity) return undefined;
      this.#syncedIdentity = folder.identity;
      return found;
    })();
    this.#running = start;
    this.#upToDate = start
      // (A store closed meanwhile, e.g. a server stopped as it started, has nothing to update.)
      .then((changed) =>
        this.#closed ? undefined : this.sync(changed === undefined ? {} : { names: changed }),
      )
      .then(this.#afterCatchUp);
  }

  readonly #afterCatchUp = <T>(result: T): T => {
    if (this.#closed) return result;
    this.#logNewProblems();
    // The catch-up's update filled the writer's page cache (up to 64 MiB on a first build); the
    // updates that follow touch a few pages each and read them again when they need them.
    this.#writerDb.exec('PRAGMA shrink_memory');
    return result;
  };

  /**
   * Settles once the index is up to date with the folder as it was when the store opened
   * (at once, unless the store was opened with checkInBackground); rejects if that update failed.
   */
  get upToDate(): Promise<SyncResult | undefined> {
    return this.#upToDate;
  }

  #slicer(): TimeSlicer {
    return new TimeSlicer(this.#options.sliceMs);
  }

  /** The logger the store reports to (watchers report to it too). */
  get logger(): Logger {
    return this.#logger;
  }

  // ---- Queries -------------------------------------------------------------------------------

  /** The version of the data the queries answer from: it grows with each committed change. */
  get dataVersion(): number {
    return this.#reader.dataVersion();
  }

  status(): StoreStatus {
    return this.#reader.snapshot(() => ({
      dataVersion: this.#reader.dataVersion(),
      changedAt: this.#reader.changedAt(),
      records: this.#reader.count(),
      problems: this.problems().length,
      folder: this.#folder?.present === false ? 'missing' : 'present',
      indexPath: this.indexPath,
      ...(this.#lastSync === undefined ? {} : { lastSync: this.#lastSync }),
    }));
  }

  /**
   * Runs several queries on one data version: `read` gets the store and what it reads cannot
   * mix two updates (e.g. a page and the feed it links to).
   */
  read<T>(read: (store: this) => T): T {
    return this.#reader.snapshot(() => read(this));
  }

  /** A record by id. */
  get(id: string): Briefing | undefined {
    return this.#reader.get(id);
  }

  /**
   * A page of the records matching a query (filterBriefings semantics), sorted, with facets;
   * `rows: 'engagements'` pages by engagement instead, `count: 'engagements'` counts them.
   */
  list(options: ListOptions = {}): ListResult {
    return this.#reader.list(options);
  }

  /** Every record matching a query, sorted (sortBriefings semantics), in memory. */
  all(options: { query?: BriefingQuery; search?: string; sort?: Sort } = {}): Briefing[] {
    return this.#reader.all(options);
  }

  /**
   * Every record matching a query, sorted, one at a time from its own snapshot of the index,
   * for streaming an export: updates committed meanwhile do not change what it yields.
   */
  *iterate({
    query = {},
    search,
    sort = {},
  }: { query?: BriefingQuery; search?: string; sort?: Sort } = {}): Generator<Briefing> {
    const db = openReader(this.indexPath);
    try {
      db.exec('BEGIN');
      const filter = this.#reader.filter({ query, search });
      const rows = db
        .prepare(selectRecords({ filter, sort }))
        .iterate(...filter.params) as Iterable<{ json: string }>;
      for (const row of rows) yield JSON.parse(row.json) as Briefing;
      db.exec('COMMIT');
    } finally {
      db.close();
    }
  }

  /** The records a record relates to, and those that relate to it. */
  related(id: string): RelatedLinks {
    return this.#reader.related(id);
  }

  /**
   * The engagement a record belongs to (see @briefing/schema's engagementIds): its root and
   * every record in it, by date; undefined for no such record.
   */
  engagement(id: string): Engagement | undefined {
    return this.#reader.engagement(id);
  }

  /** Every country, actor and place some record has, sorted: what the filters can offer. */
  facetValues(): FacetValues {
    return this.#reader.facetValues();
  }

  /**
   * Records per month and theme (as groupByMonthAndTheme), for the overview; with
   * `count: 'engagements'`, the engagements with a matching record in each cell.
   */
  monthThemeCounts(
    options: { query?: BriefingQuery; count?: CountUnit } = {},
  ): readonly MonthThemeCell[] {
    return this.#reader.monthThemeCounts(options);
  }

  /** Ranked full-text search: prefixes, any case or accents, names in any known spelling. */
  search(options: SearchOptions): SearchResult {
    return this.#reader.search(options);
  }

  /** Every problem in the data, sorted by file and line (what `briefing validate` prints). */
  problems(): Problem[] {
    const problems: Problem[] = this.#reader.problemRows().map((row) => ({
      file: this.#display(row.file),
      ...(row.line === null ? {} : { line: row.line }),
      ...(row.record_id === null ? {} : { recordId: row.record_id }),
      path: row.path,
      message: row.message,
    }));
    if (this.#folder?.present === false) {
      problems.push({
        file: this.#displayDir,
        path: '',
        message: `cannot read the directory: ${this.#folder.reason}`,
      });
    }
    return sortProblems(problems);
  }

  /** Writes a clean copy of the index to `path`, to open with sqlite3 or Datasette. */
  async exportSqlite(path: string): Promise<void> {
    await exportIndex({
      indexPath: this.indexPath,
      target: resolve(this.#options.cwd ?? process.cwd(), path),
    });
  }

  /** Calls `listener` after each committed change; returns a function that stops it. */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs `close` when the store closes (watchers register here). */
  addCloser(close: () => Promise<void> | void): () => void {
    this.#closers.add(close);
    return () => this.#closers.delete(close);
  }

  /**
   * Checks one record file of the folder on this thread and drops the result. A store that
   * opened on an index (or built it) checked its files in worker threads, so the first edit
   * would pay for compiling the parser and the validation on this one: at 10,000 records it
   * held the event loop twice as long as the next edits. Watchers call it once the store is
   * up to date, before any edit.
   */
  async warmChecks(): Promise<void> {
    let name: string | undefined;
    for (const file of this.#state.files.values()) {
      if (file.valid) {
        name = file.name;
        break;
      }
    }
    if (name === undefined || this.#closed) return;
    try {
      await checkFile(
        { name, path: join(this.dir, name), file: this.#display(name), reparse: true },
        {
          maxBytes: this.#maxBytes,
          maxAliasCount: this.#maxAliasCount,
          documentsRoot: await this.#documentsRootOnce(),
        },
      );
    } catch {
      // Only a head start: the edit itself reports what is wrong.
    }
  }

  // ---- Updates -------------------------------------------------------------------------------

  /**
   * Brings the index up to date with the folder: every entry, or only `names` (entries a
   * watcher saw change). Updates run one at a time; requests made meanwhile are merged into
   * the next one.
   */
  sync({ names }: { names?: Iterable<string> } = {}): Promise<SyncResult> {
    if (this.#closed) return Promise.reject(new Error('the store is closed'));
    if (names === undefined) this.#pending.full = true;
    else for (const name of names) this.#pending.names.add(name);
    if (this.#next === undefined) {
      const next = this.#running
        .catch(() => {})
        .then(() => {
          this.#next = undefined;
          const request = this.#pending;
          this.#pending = { full: false, names: new Set() };
          return this.#syncNow(request).then((result) => (this.#lastSync = result));
        });
      this.#next = next;
      this.#running = next;
    }
    return this.#next;
  }

  async #syncNow({ full, names }: { full: boolean; names: Set<string> }): Promise<SyncResult> {
    const unchanged = (
      folder: 'present' | 'missing',
      stats: UpdateOutcome['stats'] = {
        entries: 0,
        read: 0,
        parsed: 0,
        parsedInWorker: 0,
        regrouped: false,
        checkedAcrossRecords: false,
        cpuMs: { update: 0, checks: 0 },
      },
    ): SyncResult => ({
      changed: false,
      folder,
      stats,
      dataVersion: this.#state.version,
      changedAt: '',
      added: [],
      updated: [],
      removed: [],
    });
    if (this.#closed) return unchanged('present');
    const folder = this.#checkFolder();
    if (!folder.present) return unchanged('missing');
    // Another folder than the one last indexed (or the first update): look at every entry.
    if (folder.identity !== this.#syncedIdentity) full = true;
    if (!full && names.size === 0) return unchanged('present');

    const slicer = this.#slicer();
    const documentsRoot = await this.#documentsRootOnce();
    const parsePool = full ? (await this.#firstBuildPool(documentsRoot))?.starting : undefined;
    let outcome: UpdateOutcome;
    try {
      outcome = await applyUpdate({
        db: this.#writerDb,
        writer: this.#writer,
        state: this.#state,
        slicer,
        request: { full, names },
        context: {
          dir: this.dir,
          realDir: folder.realDir,
          display: (name) => this.#display(name),
          maxBytes: this.#maxBytes,
          maxAliasCount: this.#maxAliasCount,
          documentsRoot: () => Promise.resolve(documentsRoot),
          ...(this.#options.onProgress === undefined
            ? {}
            : { onProgress: this.#options.onProgress }),
          ...(this.#options.useWorkers === undefined
            ? {}
            : { parseInWorker: this.#options.useWorkers }),
          ...(parsePool === undefined ? {} : { parsePool }),
        },
      });
    } finally {
      void parsePool?.then((pool) => pool?.close());
    }
    void this.#checkpointer.afterCommit();
    this.#syncedIdentity = folder.identity;
    const { changed, stats, ...change } = outcome;
    if (!changed) return { ...unchanged('present', stats), changedAt: change.changedAt };
    this.#logNewProblems();
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        this.#logger.error(`a change listener failed: ${(error as Error).message}`);
      }
    }
    return { changed: true, folder: 'present', stats, ...change };
  }

  /** The directory `document:` sources are relative to, found once. */
  #documentsRootOnce(): Promise<string> {
    return (this.#documentsRoot ??= Promise.resolve(this.#root ?? findDataRoot(this.dir)));
  }

  /**
   * A first build of a large folder: the worker that checks its files starts at once, while
   * this thread reads the folder (the update would start it only once the entries are sorted).
   * The writing stays on this thread, in slices: a writer of its own in a worker thread cost
   * its own start, and sending its state back, for nothing (on two cores, the first build of
   * 10,000 records took the dashboard 3.0–3.5 s to its first page that way, 2.65–2.75 s so).
   */
  async #firstBuildPool(
    documentsRoot: string,
  ): Promise<{ starting: Promise<ParsePool | undefined> } | undefined> {
    if (this.#options.useWorkers === false || this.#state.files.size > 0) return undefined;
    const names = await readdir(this.dir);
    if (names.filter((name) => name.endsWith('.yaml')).length <= WORKER_UPDATE) return undefined;
    // Not awaited: the worker loads its modules while this thread goes on.
    const starting = ParsePool.start({
      maxBytes: this.#maxBytes,
      maxAliasCount: this.#maxAliasCount,
      documentsRoot,
    });
    return { starting };
  }

  /** Whether the folder is there, and which one it is; logs when it is lost or found again. */
  #checkFolder(): Folder {
    let folder: Folder;
    try {
      const stat = statSync(this.dir);
      folder = stat.isDirectory()
        ? {
            present: true,
            identity: `${stat.dev}:${stat.ino}:${stat.birthtimeMs}`,
            realDir: realpathSync(this.dir),
          }
        : { present: false, reason: 'not a directory' };
    } catch (error) {
      folder = { present: false, reason: reason(error) };
    }
    const previous = this.#folder;
    this.#folder = folder;
    if (!folder.present) {
      if (previous?.present !== false) {
        const count = this.#state.servedBy.size;
        this.#logger.warn(
          `${previous === undefined ? 'cannot read' : 'lost'} the data folder ${this.#displayDir} (${folder.reason}); ` +
            `still serving the ${count} ${count === 1 ? 'record' : 'records'} indexed from it until it is back`,
        );
      }
    } else if (previous?.present === false) {
      this.#logger.info(`found the data folder ${this.#displayDir} again; indexing it`);
    } else if (previous !== undefined && previous.identity !== folder.identity) {
      this.#logger.info(`the data folder ${this.#displayDir} was replaced; indexing the new one`);
    }
    return folder;
  }

  /** Whether the data folder is there now; logs when it was lost or found again (watchers call it). */
  checkFolder(): { present: boolean } {
    return { present: this.#checkFolder().present };
  }

  #display(name: string): string {
    return join(this.#displayDir, name);
  }

  /** Logs each problem once, when it first appears. */
  #logNewProblems(): void {
    const problems = this.problems();
    const keys = new Set<string>();
    for (const problem of problems) {
      const line = formatProblem(problem);
      keys.add(line);
      if (this.#logged.has(line)) continue;
      const stale = problem.file !== undefined && this.#servesOlderVersion(problem.file);
      this.#logger.warn(stale ? `${line} (its last valid version stays served)` : line);
    }
    this.#logged = keys;
  }

  #servesOlderVersion(file: string): boolean {
    const name = file.slice(this.#displayDir.length + 1);
    const state = this.#state.files.get(name);
    return (
      state !== undefined &&
      !state.valid &&
      state.goodId !== undefined &&
      this.#state.servedBy.get(state.goodId) === name
    );
  }

  /** Stops watchers, waits for the running update, and closes the index. */
  async close(): Promise<void> {
    if (this.#closed) return;
    for (const close of this.#closers) await close();
    this.#closed = true;
    await this.#running.catch(() => {});
    await this.#checkpointer.close();
    this.#readerDb.close();
    this.#writerDb.close();
  }
}
