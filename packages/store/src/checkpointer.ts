// SQLite copies the write-ahead log back into the database file at a checkpoint. Its automatic
// checkpoint runs inside COMMIT, on the event loop, and after a first build it copies the
// whole index. So the writer turns it off and this worker thread, with its own connection,
// checkpoints once the log has grown: the event loop never waits for it.
//
// The log file is also cut back here. SQLite cuts it (to journal_size_limit) in the commit that
// next starts the log over, on the connection that commits: on the store's writer, after a first
// build of 100,000 records, that truncated some 300 MB of log on the event loop, holding the
// first edit for 90-100 ms. So the writer never cuts it (journal_size_limit -1, database.ts), and
// this thread does, once everything in the log is copied and nobody reads from it.
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
const { DatabaseSync } = process.getBuiltinModule('node:sqlite');
const db = new DatabaseSync(workerData.path, { timeout: 5000 });
// Once open, it never waits for a lock: what cannot go on now is tried after a later commit.
db.exec('PRAGMA busy_timeout = 0');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    // PASSIVE: copies what no reader still needs, never waits for readers or blocks the writer.
    const copied = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get();
    if (copied.busy === 0 && copied.log === copied.checkpointed) {
      // Everything is copied: empty the log file, unless a reader still reads from it or the
      // writer is writing. The writer waits for it without blocking the event loop
      // (apply-update.ts, beginWrite).
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    }
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String((error && error.message) || error) });
  }
});
`;

/** Checkpoints past this size of write-ahead log, by default. */
const WAL_LIMIT = 4 * 2 ** 20;

export class Checkpointer {
  readonly #path: string;
  readonly #limit: number;
  readonly #worker: Worker;
  /** The checkpoint running, if one is. */
  #running: Promise<void> | undefined;
  #done: (() => void) | undefined;
  #again = false;
  #exited = false;
  readonly #onError: (message: string) => void;

  constructor({
    path,
    onError,
    limit = WAL_LIMIT,
  }: {
    path: string;
    onError: (message: string) => void;
    /** Checkpoint once the write-ahead log is this large, in bytes. */
    limit?: number;
  }) {
    this.#path = path;
    this.#limit = limit;
    this.#onError = onError;
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path } });
    this.#worker.unref();
    this.#worker.on('message', (reply: { ok: boolean; message?: string }) => {
      if (!reply.ok) this.#onError(`cannot checkpoint the index: ${reply.message}`);
      const done = this.#done;
      this.#running = undefined;
      this.#done = undefined;
      done?.();
      if (this.#again) {
        this.#again = false;
        void this.afterCommit();
      }
    });
    this.#worker.once('exit', () => {
      this.#exited = true;
      this.#done?.();
    });
    this.#worker.on('error', (error) =>
      this.#onError(`the checkpoint thread failed: ${error.message}`),
    );
  }

  /** Called after each commit: checkpoints in the background once the log is large. */
  afterCommit(): Promise<void> {
    if (this.#exited) return Promise.resolve();
    if (this.#running !== undefined) {
      this.#again = true;
      return this.#running;
    }
    const size = statSync(`${this.#path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    if (size < this.#limit) return Promise.resolve();
    this.#running = new Promise((resolve) => (this.#done = resolve));
    this.#worker.postMessage('checkpoint');
    return this.#running;
  }

  async close(): Promise<void> {
    if (this.#exited) return;
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    // Held while closing: an unreferenced worker would let the process exit before it has.
    this.#worker.ref();
    this.#worker.postMessage('close');
    // A worker busy checkpointing finishes first; one that is stuck is stopped.
    const stuck = setTimeout(() => void this.#worker.terminate(), 10_000);
    stuck.unref();
    await exited;
    clearTimeout(stuck);
  }
}
