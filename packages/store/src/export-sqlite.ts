// A dataset download: a clean, self-contained copy of the index. It runs in a worker thread
// with its own connection (a WAL snapshot), so the event loop keeps serving meanwhile, and the
// copy replaces the target in one rename.
import { Worker } from 'node:worker_threads';
import { INTERNAL_TABLES } from './index-schema.js';

// Plain JavaScript evaluated in the worker (no module to resolve, from src/ or dist/ alike).
const WORKER_SOURCE = `
const { workerData, parentPort } = process.getBuiltinModule('node:worker_threads');
const { DatabaseSync } = process.getBuiltinModule('node:sqlite');
const { renameSync, rmSync } = process.getBuiltinModule('node:fs');
const { indexPath, target, internalTables } = workerData;
const temporary = target + '.tmp-' + process.pid + '-' + Date.now();
try {
  const source = new DatabaseSync(indexPath, { readOnly: true, timeout: 5000 });
  try {
    source.prepare('VACUUM INTO ?').run(temporary);
  } finally {
    source.close();
  }
  const copy = new DatabaseSync(temporary);
  try {
    copy.exec('PRAGMA journal_mode = DELETE');
    for (const table of internalTables) copy.exec('DROP TABLE ' + table);
    copy.prepare("DELETE FROM meta WHERE key = 'fingerprint'").run();
    copy.prepare("INSERT INTO meta (key, value) VALUES ('exported_at', ?)").run(new Date().toISOString());
    copy.exec('VACUUM');
  } finally {
    copy.close();
  }
  renameSync(temporary, target);
  parentPort.postMessage({ ok: true });
} catch (error) {
  rmSync(temporary, { force: true });
  parentPort.postMessage({ ok: false, message: String(error && error.message || error) });
}
`;

/** Copies the index at `indexPath` to `target` without the store's internal tables and columns. */
export function exportIndex({
  indexPath,
  target,
}: {
  indexPath: string;
  target: string;
}): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        indexPath,
        target,
        internalTables: INTERNAL_TABLES,
      },
    });
    let settled = false;
    worker.once('message', (message: { ok: boolean; message?: string }) => {
      settled = true;
      if (message.ok) resolve();
      else reject(new Error(`cannot export the index to ${target}: ${message.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the export of the index stopped (exit code ${code})`));
    });
  });
}
