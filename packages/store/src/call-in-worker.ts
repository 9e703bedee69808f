// One function of one of this package's modules, called once in a worker thread: for work that
// would otherwise hold the event loop (a first build, looking at every file of a large folder).
import { Worker } from 'node:worker_threads';

/**
 * Plain JavaScript that, in a worker evaluated from a string, imports `workerData.module` (from
 * wherever it is) after the process's preloads: a promise of the module, with `parentPort` and
 * `workerData` in scope.
 */
export const IMPORT_WORKER_MODULE = `
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
(async () => {
  for (const preload of workerData.preloads) await import(preload);
  return import(workerData.module);
})()`;

// The function gets the input and a function to report progress with.
const WORKER_SOURCE = `${IMPORT_WORKER_MODULE}.then(
  (module) =>
    Promise.resolve(
      module[workerData.name](workerData.input, (progress) => parentPort.postMessage({ progress })),
    ).then(
      (output) => parentPort.postMessage({ output }),
      (error) => parentPort.postMessage({ error: String((error && error.stack) || error) }),
    ),
  (error) => parentPort.postMessage({ unavailable: String((error && error.message) || error) }),
);
`;

/**
 * The URL of a module (e.g. './changed-entries.js') beside `from` (this package's modules by
 * default; another package passes its own import.meta.url), as a worker thread imports it: from
 * the TypeScript sources when the importing package runs from them.
 */
export function moduleUrl(module: string, from: string = import.meta.url): string {
  const fromSources = from.endsWith('.ts');
  return new URL(fromSources ? module.replace(/\.js$/, '.ts') : module, from).href;
}

/**
 * The modules the process preloads with --import (a TypeScript loader when run from sources):
 * a worker evaluated from a string does not run them by itself.
 */
export function workerPreloads(): string[] {
  return process.execArgv.flatMap((arg, index, all) =>
    arg === '--import' ? [all[index + 1]!] : arg.startsWith('--import=') ? [arg.slice(9)] : [],
  );
}

/**
 * Calls `name(input, report)` of this package's module `module` in a worker thread; `onProgress`
 * gets what it reports. Undefined when no worker can run here (e.g. under a test runner that
 * transforms the modules): the caller then does the work itself. Rejects when the call fails.
 */
export function callInWorker<Input, Output, Progress = never>({
  module,
  name,
  input,
  onProgress,
}: {
  module: string;
  name: string;
  input: Input;
  onProgress?: (progress: Progress) => void;
}): Promise<Output | undefined> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { module: moduleUrl(module), name, input, preloads: workerPreloads() },
      });
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
      (message: { progress?: Progress; output?: Output; error?: string; unavailable?: string }) => {
        if ('progress' in message) onProgress?.(message.progress!);
        else if (message.error !== undefined) {
          settle(() => reject(new Error(`${name} in a worker thread failed: ${message.error}`)));
        } else if (message.unavailable !== undefined) settle(() => resolve(undefined));
        else settle(() => resolve(message.output));
      },
    );
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`${name} in a worker thread stopped (exit code ${code})`))),
    );
  });
}
