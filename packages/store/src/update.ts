// One update of the index: the entries to look at are classified, the changed files read and
// checked, their records written, and the rules across records run again; all inside the write
// transaction the caller holds, in time slices. The caller commits.
import { hash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import {
  checkBriefingFile,
  checkRecordSetInSteps,
  engagementIdsInSteps,
  formatPath,
  idOfFileName,
  NOT_LOADED_YML,
  type Problem,
  type Related,
} from '@briefing/schema/node';
import type { IndexState } from './index-state.js';
import type { FileState, IndexWriter } from './index-writer.js';
import type { RecordRow } from './record-row.js';
import { checkFile, type CheckOptions, type CheckRequest, type CheckResult } from './check-file.js';
import { ParsePool } from './parse-pool.js';
import { classifyEntry, mayHaveChanged, readRecordFile, type Entry } from './scan.js';
import { runInSlices, type TimeSlicer } from './time-slicer.js';

/** How far an update has come, for a progress display. */
export interface SyncProgress {
  /** `scan`: looking at the folder's entries; `index`: reading, checking and writing records. */
  phase: 'scan' | 'index';
  done: number;
  total: number;
}

export interface UpdateContext {
  state: IndexState;
  writer: IndexWriter;
  slicer: TimeSlicer;
  /** The data folder, absolute, and its real path. */
  dir: string;
  realDir: string;
  /** How problems name a file of the folder (the folder as the user gave it, joined). */
  display: (name: string) => string;
  maxBytes: number;
  maxAliasCount?: number;
  /** The directory `document:` sources are relative to. */
  documentsRoot: () => Promise<string>;
  onProgress?: (progress: SyncProgress) => void;
  /** Whether large updates may check files in a worker thread (default true). */
  parseInWorker?: boolean;
  /** A worker already starting to check files (a first build starts one at once). */
  parsePool?: Promise<ParsePool | undefined>;
}

/** Above this many files to read, titles are sorted once at the end instead of one by one. */
export const BULK_UPDATE = 500;
/**
 * Above this many files to read, a worker thread pays for its start: files are checked in one.
 * (Below it, this thread is done before a worker is ready.)
 */
export const WORKER_UPDATE = 2000;

export class Update {
  /** id → the file that served it before this update, if any (recorded when first touched). */
  readonly #touched = new Map<string, string | undefined>();
  /** Ids whose file stopped serving them: a duplicate waiting behind may take over. */
  readonly #freed = new Set<string>();
  #problemsChanged = false;
  #renumber = false;
  /**
   * Entries looked at, files read, files parsed and checked (of which in a worker thread),
   * whether the engagements and the rules across records were worked out again (each over every
   * record: ~0.5 s at 100,000 records), and the CPU time of the store's thread in the update and
   * of the worker that checked files.
   */
  readonly stats = {
    entries: 0,
    read: 0,
    parsed: 0,
    parsedInWorker: 0,
    regrouped: false,
    checkedAcrossRecords: false,
    cpuMs: { update: 0, checks: 0 },
  };
  readonly #cpuAtStart = process.threadCpuUsage();
  readonly #lines = new Map<string, number | undefined>();
  /** Whether any file's record links (id, related, validity, being served) changed. */
  #linksChanged = false;
  /** Files whose content changed or that went away. */
  readonly #changedFiles = new Set<string>();
  /** The records the rules across records and the engagements read (see #linkedRecords). */
  #linked: { served: Linked[]; others: Linked[] } | undefined;

  constructor(readonly context: UpdateContext) {}

  get problemsChanged(): boolean {
    return this.#problemsChanged;
  }

  /** The ids added, updated and removed by this update. */
  changes(): { added: string[]; updated: string[]; removed: string[] } {
    const changes = { added: [] as string[], updated: [] as string[], removed: [] as string[] };
    for (const [id, servedBy] of this.#touched) {
      const before = servedBy !== undefined;
      const after = this.context.state.servedBy.has(id);
      if (before && after) changes.updated.push(id);
      else if (after) changes.added.push(id);
      else if (before) changes.removed.push(id);
    }
    for (const list of Object.values(changes)) list.sort();
    return changes;
  }

  /** Looks at every entry of the folder (full) or at the named ones (after a watch event). */
  async run({ names }: { names?: ReadonlySet<string> }): Promise<void> {
    const { state, slicer } = this.context;
    let list: string[];
    if (names === undefined) {
      const listing = await readdir(this.context.dir);
      list = [...new Set([...listing, ...state.files.keys(), ...state.entryNames])];
    } else {
      list = [...names];
    }
    this.stats.entries = list.length;
    const toRead: Extract<Entry, { kind: 'file' }>[] = [];
    for (const [index, name] of list.entries()) {
      const entry = this.#classify(name);
      if (entry.kind === 'file') {
        this.#setProblems(name, 'entry', []);
        // A named entry had an event: read it whatever its metadata says.
        if (names !== undefined || this.#mayHaveChanged(entry)) toRead.push(entry);
      } else {
        this.#removeFile(name);
        this.#setProblems(name, 'entry', this.#entryProblems(entry));
      }
      if (index % 256 === 0)
        this.context.onProgress?.({ phase: 'scan', done: index, total: list.length });
      if (slicer.due()) await slicer.pause();
    }
    if (toRead.length > BULK_UPDATE) {
      state.titles.startBulk();
      // In name order: ids and file names then go into their indexes (and the tables keyed by
      // record id) in order, which a large build does much faster than in the folder's order.
      toRead.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    await this.#readAll(toRead);
    await this.#settleFreed();
    await this.#settleTitles();
    await this.#regroup();
    await this.#checkRecordSet();
    this.context.onProgress?.({ phase: 'index', done: toRead.length, total: toRead.length });
    const cpu = process.threadCpuUsage(this.#cpuAtStart);
    this.stats.cpuMs.update = (cpu.user + cpu.system) / 1000;
  }

  /**
   * Reads and applies every file. For many files, a worker checks them while this thread
   * writes; until the worker is ready (and if it cannot start), this thread checks them too.
   */
  async #readAll(entries: Extract<Entry, { kind: 'file' }>[]): Promise<void> {
    const { slicer } = this.context;
    let done = 0;
    const progress = () => {
      if (done % 64 === 0 || done === entries.length) {
        this.context.onProgress?.({ phase: 'index', done, total: entries.length });
      }
    };
    let pool: ParsePool | undefined;
    let starting: Promise<ParsePool | undefined> | undefined;
    if (entries.length > WORKER_UPDATE && this.context.parseInWorker !== false) {
      starting = this.context.parsePool ?? ParsePool.start(await this.#checkOptions());
      void starting.then((started) => {
        pool = started;
      });
    }
    try {
      while (done < entries.length && pool === undefined) {
        await this.#readAndApply(entries[done]!, { reparse: false });
        done += 1;
        progress();
        if (slicer.due()) await slicer.pause();
      }
      const started = pool as ParsePool | undefined;
      if (started !== undefined) {
        const rest = entries.slice(done).map((entry) => this.#request(entry, { reparse: false }));
        // This thread checks the next files itself whenever the worker's are not in yet.
        const options = await this.#checkOptions();
        const checkedHere = new WeakSet<CheckResult>();
        const checkHere = async (request: CheckRequest) => {
          if (slicer.due()) await slicer.pause();
          const result = await checkFile(request, options);
          checkedHere.add(result);
          return result;
        };
        for await (const result of started.check(rest, checkHere)) {
          if (result.outcome === 'checked' && !checkedHere.has(result)) {
            this.stats.parsedInWorker += 1;
          }
          this.#apply(entries[done]!, result);
          done += 1;
          progress();
          if (slicer.due()) await slicer.pause();
        }
      }
      this.stats.cpuMs.checks = started?.cpuMs ?? 0;
    } finally {
      // A worker that came too late (this thread finished first) is stopped when it comes.
      void starting?.then((started) => started?.close());
    }
  }

  #classify(name: string): Entry {
    try {
      return classifyEntry({ dir: this.context.dir, realDir: this.context.realDir, name });
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      return {
        kind: 'refused',
        name,
        message: `cannot look at the entry (${code}); it was not read`,
      };
    }
  }

  #entryProblems(entry: Entry): Problem[] {
    const file = this.context.display(entry.name);
    if (entry.kind === 'yml') return [{ file, line: 1, path: '', message: NOT_LOADED_YML }];
    if (entry.kind === 'refused') return [{ file, path: '', message: entry.message }];
    return [];
  }

  #mayHaveChanged({ name, stat }: Extract<Entry, { kind: 'file' }>): boolean {
    return mayHaveChanged({ known: this.context.state.files.get(name), stat });
  }

  /** Reads a file; when its bytes changed (or `reparse`), checks it and serves its record. */
  async #readAndApply(entry: Extract<Entry, { kind: 'file' }>, { reparse }: { reparse: boolean }) {
    const request = this.#request(entry, { reparse });
    this.#apply(entry, await checkFile(request, await this.#checkOptions()));
  }

  #request(
    entry: Extract<Entry, { kind: 'file' }>,
    { reparse }: { reparse: boolean },
  ): CheckRequest {
    const previous = this.context.state.files.get(entry.name);
    return {
      name: entry.name,
      path: entry.path,
      file: this.context.display(entry.name),
      reparse,
      ...(previous === undefined || previous.hash === '' ? {} : { previousHash: previous.hash }),
    };
  }

  async #checkOptions(): Promise<CheckOptions> {
    return {
      maxBytes: this.context.maxBytes,
      ...(this.context.maxAliasCount === undefined
        ? {}
        : { maxAliasCount: this.context.maxAliasCount }),
      documentsRoot: await this.context.documentsRoot(),
    };
  }

  /** Applies what reading a file found: its state, its problems, and its record if valid. */
  #apply(entry: Extract<Entry, { kind: 'file' }>, result: CheckResult): void {
    const { state } = this.context;
    const { name } = entry;
    const previous = state.files.get(name);
    this.stats.read += 1;
    const stat = result.stat ?? entry.stat;
    const base = { name, ...stat, readNs: BigInt(Date.now()) * 1_000_000n };
    const keep = {
      ...(previous?.goodId === undefined ? {} : { goodId: previous.goodId }),
      ...(previous?.goodRelated === undefined ? {} : { goodRelated: previous.goodRelated }),
    };
    if (result.outcome === 'unreadable') {
      // Unreadable now: like an invalid file, it keeps its last good record.
      this.#putFile({ ...base, hash: '', valid: false, ...keep });
      this.#setProblems(name, 'file', [
        { file: this.context.display(name), line: 1, path: '', message: result.message },
      ]);
      return;
    }
    if (result.outcome === 'same') {
      this.#putFile({ ...previous!, ...base });
      return;
    }
    this.stats.parsed += 1;
    const { row } = result;
    this.#putFile({
      ...base,
      hash: result.hash,
      valid: row !== undefined,
      ...(row === undefined
        ? keep
        : { goodId: row.id, ...(row.related === undefined ? {} : { goodRelated: row.related }) }),
    });
    this.#setProblems(name, 'file', result.problems);
    if (row !== undefined) {
      this.#serve({
        name,
        row,
        previousId: previous?.goodId,
        size: result.size,
        mtimeNs: stat.mtimeNs,
        hash: result.hash,
      });
    }
  }

  #putFile(state: FileState): void {
    const before = this.context.state.files.get(state.name);
    // A file's validity counts only for a record it does not serve (a duplicate counts while
    // its content is valid, see #linkedRecords): a served record keeps its last good links
    // whatever the file holds now. So an edit saved half-written (an empty file for a moment)
    // does not work the engagements and the rules across records out again.
    const served = this.#serves(state.name, state.goodId);
    if (
      before === undefined ||
      before.goodId !== state.goodId ||
      JSON.stringify(before.goodRelated) !== JSON.stringify(state.goodRelated) ||
      (before.valid !== state.valid && !served)
    ) {
      this.#linksChanged = true;
    }
    if (before?.hash !== state.hash) this.#changedFiles.add(state.name);
    this.context.state.files.set(state.name, state);
    this.context.writer.putFile(state);
  }

  #removeFile(name: string): void {
    const { state, writer } = this.context;
    const known = state.files.get(name);
    if (known === undefined) return;
    if (this.#serves(name, known.goodId)) {
      this.#unserve(known.goodId);
      this.#freed.add(known.goodId);
    }
    state.files.delete(name);
    writer.deleteFile(name);
    this.#linksChanged = true;
    this.#changedFiles.add(name);
    this.#setProblems(name, 'file', []);
  }

  /** Serves a file's new record, unless another file already serves its id and comes first. */
  #serve({
    name,
    row,
    previousId,
    size,
    mtimeNs,
    hash: contentHash,
  }: {
    name: string;
    row: RecordRow;
    previousId: string | undefined;
    size: number;
    mtimeNs: bigint;
    hash: string;
  }): void {
    const { state, writer } = this.context;
    if (this.#serves(name, previousId)) {
      this.#unserve(previousId);
      if (previousId !== row.id) this.#freed.add(previousId);
    }
    const holder = state.servedBy.get(row.id);
    if (holder !== undefined) {
      // A duplicate id: the set rules report it; the file that comes first keeps serving.
      if (!comesFirst({ name, other: holder, id: row.id })) return;
      this.#unserve(row.id);
    }
    this.#touch(row.id);
    const rank = state.titles.insert({ id: row.id, title: row.title });
    if (rank === undefined && !state.titles.bulk) this.#renumber = true;
    writer.insertRecord({
      row,
      file: name,
      size,
      mtimeMs: Number(mtimeNs / 1_000_000n),
      hash: contentHash,
      titleRank: rank ?? 0,
    });
    state.servedBy.set(row.id, name);
  }

  #unserve(id: string): void {
    const { state, writer } = this.context;
    this.#touch(id);
    writer.deleteRecord(id);
    state.titles.remove(id);
    state.servedBy.delete(id);
  }

  #touch(id: string): void {
    if (!this.#touched.has(id)) this.#touched.set(id, this.context.state.servedBy.get(id));
  }

  /** A freed id goes to the next file that has a valid record with it, read again now. */
  async #settleFreed(): Promise<void> {
    const { state } = this.context;
    while (this.#freed.size > 0) {
      const freed = new Set([...this.#freed].filter((id) => !state.servedBy.has(id)));
      this.#freed.clear();
      const waiting = new Map<string, string[]>();
      for (const [name, file] of state.files) {
        if (file.valid && file.goodId !== undefined && freed.has(file.goodId)) {
          waiting.set(file.goodId, [...(waiting.get(file.goodId) ?? []), name]);
        }
      }
      for (const [id, names] of waiting) {
        names.sort((a, b) => (comesFirst({ name: a, other: b, id }) ? -1 : 1));
        for (const name of names) {
          if (state.servedBy.has(id)) break;
          const entry = this.#classify(name);
          if (entry.kind === 'file') await this.#readAndApply(entry, { reparse: true });
          else {
            this.#removeFile(name);
            this.#setProblems(name, 'entry', this.#entryProblems(entry));
          }
        }
      }
    }
  }

  async #settleTitles(): Promise<void> {
    const { state, writer, slicer } = this.context;
    let changed: { id: string; rank: number }[] = [];
    if (state.titles.bulk) changed = await state.titles.resort({ slicer });
    else if (this.#renumber) changed = state.titles.renumber();
    const all = state.titles.entries();
    if (changed.length > all.length / 2) {
      // Most ranks changed (a first build): write them all again, in order.
      writer.clearTitleRanks();
      for (const { id, rank } of all) {
        writer.addTitleRank(id, rank);
        if (slicer.due()) await slicer.pause();
      }
      return;
    }
    for (const { id, rank } of changed) {
      writer.setTitleRank(id, rank);
      if (slicer.due()) await slicer.pause();
    }
  }

  /**
   * Every file's last good record (id and links): those served, and the valid others. In
   * slices: at 100,000 records, one pass over the files took ~100 ms.
   */
  async #linkedRecords(): Promise<{ served: Linked[]; others: Linked[] }> {
    if (this.#linked !== undefined) return this.#linked;
    const { state, slicer } = this.context;
    const served: Linked[] = [];
    const others: Linked[] = [];
    for (const [name, file] of state.files) {
      if (slicer.due()) await slicer.pause();
      if (file.goodId === undefined) continue;
      const linked = {
        id: file.goodId,
        name,
        ...(file.goodRelated === undefined ? {} : { related: file.goodRelated }),
      };
      if (this.#serves(name, file.goodId)) served.push(linked);
      // A file whose record is not served (a duplicate) counts while its content is valid.
      else if (file.valid) others.push(linked);
    }
    this.#linked = { served, others };
    return this.#linked;
  }

  /** Whether the file `name` is the one serving the record `id`. */
  #serves(name: string, id: string | undefined): id is string {
    return id !== undefined && this.context.state.servedBy.get(id) === name;
  }

  #servedChanged(): boolean {
    const { servedBy } = this.context.state;
    return [...this.#touched].some(([id, before]) => servedBy.get(id) !== before);
  }

  /**
   * Each served record's engagement (packages/schema's engagementIds), written where it changed.
   * It depends on the served records' links only: when none changed, nothing is computed.
   */
  async #regroup(): Promise<void> {
    if (!this.#linksChanged && !this.#servedChanged()) return;
    this.stats.regrouped = true;
    const { state, writer, slicer } = this.context;
    const { served } = await this.#linkedRecords();
    const ids = await runInSlices({ steps: engagementIdsInSteps({ records: served }), slicer });
    for (const [recordId, engagementId] of ids) {
      if (state.engagements.get(recordId) === engagementId) continue;
      writer.putEngagement(recordId, engagementId);
      state.engagements.set(recordId, engagementId);
      if (slicer.due()) await slicer.pause();
    }
    for (const recordId of state.engagements.keys()) {
      if (ids.has(recordId)) continue;
      writer.deleteEngagement(recordId);
      state.engagements.delete(recordId);
    }
  }

  /**
   * The rules across records (packages/schema's checkRecordSet), over every file's record.
   * Their answer depends on each file's links only, and on the lines of the files they name:
   * when neither changed, the last answer stands and is not computed again.
   */
  async #checkRecordSet(): Promise<void> {
    const { state, writer, display, slicer } = this.context;
    const involved = state.setInvolved;
    if (
      involved !== undefined &&
      !this.#linksChanged &&
      !this.#servedChanged() &&
      ![...this.#changedFiles].some((name) => involved.has(name))
    ) {
      return;
    }
    this.stats.checkedAcrossRecords = true;
    const { served, others } = await this.#linkedRecords();
    const named = new Set<string>();
    const names = new Map<string, string>();
    const steps = checkRecordSetInSteps<Linked>({
      // The served record of each id comes first: the others are its duplicates.
      records: [...served, ...others],
      locate: (linked, path) => {
        const file = display(linked.name);
        names.set(file, linked.name);
        named.add(linked.name);
        const line = this.#lineOf(linked.name, path);
        return line === undefined ? { file } : { file, line };
      },
    });
    const problems = await runInSlices({ steps, slicer });
    const rows = problems.map((problem) => ({ name: names.get(problem.file!)!, problem }));
    state.setInvolved = named;
    const key = JSON.stringify(
      rows.map(({ name, problem }) => [
        name,
        problem.line ?? null,
        problem.recordId ?? null,
        problem.path,
        problem.message,
      ]),
    );
    if (key === state.setProblemsKey) return;
    writer.setSetProblems(rows);
    state.setProblemsKey = key;
    this.#problemsChanged = true;
  }

  /** The line of a field in a file, read again (only for a problem found across records). */
  #lineOf(name: string, path: readonly PropertyKey[]): number | undefined {
    const file = this.context.state.files.get(name);
    // A file whose content is invalid serves an older version: its lines would not match.
    if (file === undefined || !file.valid) return undefined;
    const key = `${name}\n${file.hash}\n${formatPath(path)}`;
    if (this.#lines.has(key)) return this.#lines.get(key);
    let line: number | undefined;
    const entry = this.#classify(name);
    if (entry.kind === 'file') {
      const read = readRecordFile({ path: entry.path, maxBytes: this.context.maxBytes });
      if ('bytes' in read && hash('sha256', read.bytes) === file.hash) {
        line = checkBriefingFile({
          bytes: read.bytes,
          file: name,
          name,
          maxBytes: this.context.maxBytes,
        }).lineOf(path);
      }
    }
    this.#lines.set(key, line);
    return line;
  }

  /** Replaces the problems of one kind for a file, noting whether they changed. */
  #setProblems(name: string, kind: 'entry' | 'file', problems: Problem[]): void {
    const { state, writer } = this.context;
    const known = kind === 'entry' ? state.entryNames : state.problemFiles;
    if (problems.length === 0 && !known.has(name)) return;
    const before = writer.problemsOf({ name, kind });
    const after = JSON.stringify(
      problems.map((p) => [p.line ?? null, p.recordId ?? null, p.path, p.message]),
    );
    if (before === after) return;
    writer.setProblems({ name, kind, problems });
    this.#problemsChanged = true;
    if (problems.length > 0) known.add(name);
    else known.delete(name);
  }
}

/** A file's last good record, as the rules across records and the engagements read it. */
interface Linked {
  id: string;
  related?: Related[];
  name: string;
}

/** Of two files with one id, the one named `<id>.yaml` comes first, then the first by name. */
function comesFirst({ name, other, id }: { name: string; other: string; id: string }): boolean {
  const named = idOfFileName(name) === id;
  const otherNamed = idOfFileName(other) === id;
  if (named !== otherNamed) return named;
  return name < other;
}
