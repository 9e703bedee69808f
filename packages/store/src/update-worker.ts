// A first build in a worker thread: its own connection writes the index (while a parse pool
// checks the files), so the event loop of the process stays free and both cores work.
// `runUpdateInWorker` runs on the main thread; `updateInThisThread` in the worker.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { applyUpdate, type UpdateOutcome } from './apply-update.js';
import { openWriterConnection } from './database.js';
import { IndexState } from './index-state.js';
import { IndexWriter } from './index-writer.js';
import { TimeSlicer } from './time-slicer.js';
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

// Plain JavaScript evaluated in the worker: it imports this module from wherever it is.
const WORKER_SOURCE = `
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
(async () => {
  for (const preload of workerData.preloads) await import(preload);
  return import(workerData.module);
})().then(
  ({ updateInThisThread }) =>
    updateInThisThread(workerData.update, (progress) => parentPort.postMessage({ progress })).then(
      (outcome) => parentPort.postMessage({ outcome }),
      (error) => parentPort.postMessage({ error: String((error && error.stack) || error) }),
    ),
  (error) => parentPort.postMessage({ unavailable: String((error && error.message) || error) }),
);
`;

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
}): Promise<UpdateOutcome | undefined> {
  const module = new URL(
    import.meta.url.endsWith('.ts') ? './update-worker.ts' : './update-worker.js',
    import.meta.url,
  ).href;
  const preloads = process.execArgv.flatMap((arg, index, all) =>
    arg === '--import' ? [all[index + 1]!] : arg.startsWith('--import=') ? [arg.slice(9)] : [],
  );
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, preloads, update } });
    } catch {
      resolve(undefined);
      return;
    }
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on(
      'message',
      (message: {
        progress?: SyncProgress;
        outcome?: UpdateOutcome;
        error?: string;
        unavailable?: string;
      }) => {
        if (message.progress !== undefined) onProgress?.(message.progress);
        else if (message.outcome !== undefined) settle(() => resolve(message.outcome));
        else if (message.error !== undefined) {
          settle(() => reject(new Error(`the update in a worker thread failed: ${message.error}`)));
        } else settle(() => resolve(undefined));
      },
    );
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the update worker stopped (exit code ${code})`))),
    );
  });
}

/** The worker's side: one full update on a connection of its own. */
export async function updateInThisThread(
  update: WorkerUpdate,
  onProgress: (progress: SyncProgress) => void,
): Promise<UpdateOutcome> {
  const db = openWriterConnection(update.indexPath);
  try {
    // Nothing else runs on this thread: long slices, few pauses.
    const slicer = new TimeSlicer(50);
    const state = new IndexState();
    await state.load({ db, slicer });
    return await applyUpdate({
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
      },
    });
  } finally {
    db.close();
  }
}
