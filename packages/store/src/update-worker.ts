// A first build in a worker thread: its own connection writes the index (while a parse pool
// checks the files), so the event loop of the process stays free and both cores work.
// `runUpdateInWorker` runs on the main thread; `updateInThisThread` in the worker.
import { join } from 'node:path';
import { callInWorker } from './call-in-worker.js';
import type { UpdateOutcome } from './apply-update.js';
import type { StateData } from './index-state.js';
import { ParsePool } from './parse-pool.js';
import type { SyncProgress } from './update.js';

export interface WorkerUpdate {
  indexPath: string;
  dir: string;
  realDir: string;
  /** The folder as problems name it. */
  displayDir: string;
  documentsRoot: string;
  maxBytes: number;
  maxAliasCount?: number;
}

/**
 * Runs a full update in a worker thread; undefined when a worker cannot run here (the caller
 * then updates on its own thread). Rejects when the update itself fails.
 */
export function runUpdateInWorker({
  update,
  onProgress,
}: {
  update: WorkerUpdate;
  onProgress?: (progress: SyncProgress) => void;
}): Promise<WorkerOutcome | undefined> {
  return callInWorker<WorkerUpdate, WorkerOutcome, SyncProgress>({
    module: './update-worker.js',
    name: 'updateInThisThread',
    input: update,
    ...(onProgress === undefined ? {} : { onProgress }),
  });
}

/** What the update did, and the state of the writer after it (so no thread reads it again). */
export interface WorkerOutcome {
  outcome: UpdateOutcome;
  state: StateData;
}

/** The worker's side: one full update on a connection of its own. */
export async function updateInThisThread(
  update: WorkerUpdate,
  onProgress: (progress: SyncProgress) => void,
): Promise<WorkerOutcome> {
  // The worker that checks files starts now, while this one reads the folder: a first build
  // has more files than it takes to pay for it.
  // (Its modules, the schema's among them, load only after it started: imported statically,
  // they held its start back by half a second.)
  const parsePool = ParsePool.start({
    maxBytes: update.maxBytes,
    ...(update.maxAliasCount === undefined ? {} : { maxAliasCount: update.maxAliasCount }),
    documentsRoot: update.documentsRoot,
  });
  const [
    { applyUpdate },
    { openWriterConnection },
    { IndexState },
    { IndexWriter },
    { TimeSlicer },
  ] = await Promise.all([
    import('./apply-update.js'),
    import('./database.js'),
    import('./index-state.js'),
    import('./index-writer.js'),
    import('./time-slicer.js'),
  ]);
  const db = openWriterConnection(update.indexPath);
  try {
    // Nothing else runs on this thread: long slices, few pauses.
    const slicer = new TimeSlicer(50);
    const state = new IndexState();
    await state.load({ db, slicer });
    const outcome = await applyUpdate({
      db,
      writer: new IndexWriter(db),
      state,
      slicer,
      request: { full: true, names: new Set() },
      context: {
        dir: update.dir,
        realDir: update.realDir,
        display: (name) => join(update.displayDir, name),
        maxBytes: update.maxBytes,
        ...(update.maxAliasCount === undefined ? {} : { maxAliasCount: update.maxAliasCount }),
        documentsRoot: () => Promise.resolve(update.documentsRoot),
        onProgress,
        parsePool,
      },
    });
    return { outcome, state: state.data() };
  } finally {
    db.close();
    void parsePool.then((pool) => pool?.close());
  }
}
