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
// What the caller's thread checks at a time while it waits for the worker, and at most how many
// such pieces it gets ahead (then it waits, so that results never pile up).
const OWN_CHUNK = 8;
const MAX_OWN_AHEAD = 8;

/** A chunk of files planned: sent to the worker (`sent`), or checked on the caller's thread. */
interface Planned {
  sent?: Promise<void>;
  results?: CheckResult[];
  error?: unknown;
}

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
   * The results of checking each file, in the order asked, a few chunks ahead. With `here`, the
   * caller's thread checks the next few files itself whenever the worker's next results are not
   * in yet, instead of waiting for them: it only writes what the worker found, and in a first
   * build of 10,000 records it waited a third of the time.
   */
  async *check(
    requests: readonly CheckRequest[],
    here?: (request: CheckRequest) => Promise<CheckResult>,
  ): AsyncGenerator<CheckResult> {
    // The chunks planned and not read yet, in order: sent to the worker (with its results once
    // they come), or checked here. A chunk leaves once read: keeping every one until the end kept
    // every record's row of a first build in memory (~4.5 KB a record: at 100,000 records, the
    // build needed over 400 MB of heap, which the process then kept).
    const planned: Planned[] = [];
    let next = 0;
    let inWorker = 0;
    let ownAhead = 0;
    const take = (size: number) => {
      const chunk = requests.slice(next, next + size);
      next += chunk.length;
      return chunk;
    };
    // Enough chunks ahead that the worker always has IN_FLIGHT to check.
    const send = () => {
      while (next < requests.length && inWorker < IN_FLIGHT) {
        const chunk: Planned = {};
        chunk.sent = this.#send(take(CHUNK)).then(
          (results) => void (chunk.results = results),
          (error: unknown) => void (chunk.error = error),
        );
        inWorker += 1;
        planned.push(chunk);
      }
    };
    send();
    while (planned.length > 0) {
      const head = planned[0]!;
      const waiting = head.results === undefined && head.error === undefined;
      // A few files at a time, so that this thread stops as soon as the worker's results are in:
      // it only takes the share that saves waiting (when writing is the slower part, as at
      // 100,000 records, a whole chunk each time took too much and made this thread the limit).
      if (waiting && here !== undefined && next < requests.length && ownAhead < MAX_OWN_AHEAD) {
        const results: CheckResult[] = [];
        for (const request of take(OWN_CHUNK)) results.push(await here(request));
        planned.push({ results });
        ownAhead += 1;
        continue;
      }
      await head.sent;
      planned.shift();
      if (head.sent === undefined) ownAhead -= 1;
      if (head.error !== undefined) throw head.error;
      if (head.sent !== undefined) {
        inWorker -= 1;
        send();
      }
      yield* head.results!;
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
