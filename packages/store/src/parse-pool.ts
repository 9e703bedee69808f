// A worker thread that reads and checks record files while the main thread writes the index:
// for large updates (a first build), the two halves of the work overlap. If the worker cannot
// load this package's modules (e.g. under a test runner that transforms them), `start` gives
// undefined and the caller checks files itself.
import { Worker } from 'node:worker_threads';
import { IMPORT_WORKER_MODULE, moduleUrl, workerPreloads } from './call-in-worker.js';
import type { CheckOptions, CheckRequest, CheckResult } from './check-file.js';

// Plain JavaScript evaluated in the worker: it imports check-file from wherever this module is.
const WORKER_SOURCE = `${IMPORT_WORKER_MODULE}.then(
  ({ checkFile }) => {
    parentPort.on('message', async ({ id, requests }) => {
      const results = [];
      try {
        for (const request of requests) results.push(await checkFile(request, workerData.options));
        const cpu = process.threadCpuUsage();
        parentPort.postMessage({ id, results, cpuMs: (cpu.user + cpu.system) / 1000 });
      } catch (error) {
        parentPort.postMessage({ id, error: String((error && error.stack) || error) });
      }
    });
    parentPort.postMessage({ ready: true });
  },
  (error) => parentPort.postMessage({ failed: String((error && error.message) || error) }),
);
`;

const CHUNK = 64;
const IN_FLIGHT = 4;
// With the caller's help, the share of chunks it checks itself: at 10,000 records the worker took
// 1.2 s to check every file while the main thread's writing took 0.75 s.
const HERE_EVERY = 5;

type Reply = { id: number; results?: CheckResult[]; error?: string; cpuMs?: number };

export class ParsePool {
  readonly #worker: Worker;
  #nextId = 0;
  /** CPU time the worker thread has used so far, in ms. */
  cpuMs = 0;
  readonly #waiting = new Map<
    number,
    { resolve: (results: CheckResult[]) => void; reject: (error: Error) => void }
  >();

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: Reply) => {
      const waiter = this.#waiting.get(reply.id);
      if (waiter === undefined) return;
      this.#waiting.delete(reply.id);
      if (reply.cpuMs !== undefined) this.cpuMs = reply.cpuMs;
      if (reply.error !== undefined)
        waiter.reject(new Error(`checking files in a worker failed: ${reply.error}`));
      else waiter.resolve(reply.results ?? []);
    });
    worker.on('error', (error) => {
      for (const waiter of this.#waiting.values()) waiter.reject(error);
      this.#waiting.clear();
    });
  }

  /** A worker ready to check files, or undefined when it cannot run here. */
  static start(options: CheckOptions): Promise<ParsePool | undefined> {
    const module = moduleUrl('./check-file.js');
    const preloads = workerPreloads();
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(WORKER_SOURCE, {
          eval: true,
          workerData: { module, options, preloads },
        });
      } catch {
        resolve(undefined);
        return;
      }
      // The worker never keeps the process alive by itself.
      worker.unref();
      const fail = () => {
        void worker.terminate();
        resolve(undefined);
      };
      worker.once('error', fail);
      worker.once('message', (message: { ready?: boolean }) => {
        worker.off('error', fail);
        if (message.ready === true) resolve(new ParsePool(worker));
        else fail();
      });
    });
  }

  /**
   * The results of checking each file, in the order asked, a few chunks ahead. With `here`, every
   * HERE_EVERY-th chunk is checked by the caller's thread instead, when its turn comes: that
   * thread only writes what the worker found and was idle a third of the time, waiting for it.
   */
  async *check(
    requests: readonly CheckRequest[],
    here?: (request: CheckRequest) => Promise<CheckResult>,
  ): AsyncGenerator<CheckResult> {
    // The chunks planned and not read yet, in order. A chunk leaves once read: keeping every one
    // until the end kept every record's row of a first build in memory (~4.5 KB a record: at
    // 100,000 records, the build needed over 400 MB of heap, which the process then kept).
    const planned: ({ here: readonly CheckRequest[] } | { sent: Promise<CheckResult[]> })[] = [];
    let next = 0;
    let chunkCount = 0;
    let inWorker = 0;
    // Enough chunks ahead that the worker always has IN_FLIGHT to check.
    const plan = () => {
      while (next < requests.length && inWorker < IN_FLIGHT) {
        const chunk = requests.slice(next, next + CHUNK);
        next += chunk.length;
        chunkCount += 1;
        if (here !== undefined && chunkCount % HERE_EVERY === 0) planned.push({ here: chunk });
        else {
          inWorker += 1;
          planned.push({ sent: this.#send(chunk) });
        }
      }
    };
    plan();
    while (planned.length > 0) {
      const chunk = planned.shift()!;
      let results: CheckResult[];
      if ('sent' in chunk) {
        results = await chunk.sent;
        inWorker -= 1;
        plan();
      } else {
        results = [];
        for (const request of chunk.here) results.push(await here!(request));
      }
      yield* results;
    }
  }

  /** Sends a chunk to the worker; resolves with its results. */
  #send(requests: readonly CheckRequest[]): Promise<CheckResult[]> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, requests });
    });
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}
