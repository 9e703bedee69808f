// Rendering every record of a full build on two threads at once: this one and a worker thread,
// which renders the same fragments with the same code (render-fragments.ts), reading its records
// from the store's index on a connection of its own. Rendering is most of a full build's work
// (~0.6 s of 1.1 at 10,000 records), and a machine with two cores did it on one: on two,
// 0.58 → 0.33–0.38 s of wall time for about the same CPU.
//
// The records are cut into batches. This thread takes them from the first, the worker from the
// last, each claiming a batch in shared memory before rendering it, until they meet: neither
// waits for the other while there is work, whatever the worker's start or the machine's load.
// The worker sends each batch back as one buffer per kind, moved, not copied; this thread then
// waits (Atomics.wait) for the batches the worker claimed, so that a build reading one snapshot
// of the store stays synchronous. The worker renders only at the data version this thread reads
// (else it claims nothing); a worker that cannot start (a test runner that transforms the
// modules) claims nothing; and a batch the worker fails on, or does not send in time, is
// rendered here.
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { Briefing } from '@briefing/schema';
import { IMPORT_WORKER_MODULE, IndexRecords, moduleUrl, workerPreloads } from '@briefing/store';
import type { Store } from '@briefing/store';
import { FRAGMENT_KINDS, renderFragments, samplePage } from './render-fragments.js';
import type { Digests, Fragments } from './render-fragments.js';
import type { FeedPage } from './feed-page.js';
import { ITEMS_PER_RENDER } from './render-once.js';
import { digestOf, keepDigest } from './strong-etag.js';

const HERE = 1;
const WORKER = 2;
// Fewer batches than this are rendered here alone: the worker's share would not pay its messages.
const MIN_BATCHES = 8;
// With nothing from the worker for this long, it is taken for stuck and its batches rendered here.
const STALLED_MS = 10_000;

/** What the worker is asked to render: a share of these ids, at this data version. */
interface Job {
  indexPath: string;
  dataVersion: number;
  siteUrl: string;
  ids: readonly string[];
  /** One cell per batch (who claimed it), then the count of batches the worker sent. */
  claims: Int32Array;
  replies: MessagePort;
}

/** One kind's fragments of a batch in one buffer, with each fragment's length and digest. */
interface Packed {
  bytes: Uint8Array;
  lengths: number[];
  /** Each fragment's digestOf, for the documents' ETags: made on the worker's core. */
  digests: string[];
}

/** A batch the worker rendered (the ids it found, in order), or could not. */
type Reply = { batch: number; ids: string[]; packed: Packed[] } | { batch: number; failed: string };

/** The ids of batch `batch`. */
const batchOf = (ids: readonly string[], batch: number) =>
  ids.slice(batch * ITEMS_PER_RENDER, (batch + 1) * ITEMS_PER_RENDER);

/** The records the index has, of these ids, in order. */
function found(read: (id: string) => Briefing | undefined, ids: readonly string[]): Briefing[] {
  const records: Briefing[] = [];
  for (const id of ids) {
    const record = read(id);
    if (record !== undefined) records.push(record);
  }
  return records;
}

function pack(fragments: Fragments): Packed[] {
  return FRAGMENT_KINDS.map((kind) => {
    const list = fragments.get(kind)!;
    const lengths = list.map((fragment) => fragment.byteLength);
    // A buffer of its own (not a slice of Node's shared pool), so that it can be moved.
    const bytes = Buffer.allocUnsafeSlow(lengths.reduce((sum, length) => sum + length, 0));
    let at = 0;
    for (const fragment of list) {
      bytes.set(fragment, at);
      at += fragment.byteLength;
    }
    return { bytes, lengths, digests: list.map(digestOf) };
  });
}

/** A batch rendered: the ids found, in order, their fragments and each fragment's digestOf. */
export interface Rendered {
  ids: string[];
  fragments: Fragments;
  digests: Digests;
}

function unpack(ids: string[], packed: Packed[]): Rendered {
  const fragments: Fragments = new Map();
  const digests: Digests = new Map();
  FRAGMENT_KINDS.forEach((kind, index) => {
    const { bytes, lengths, digests: theirs } = packed[index]!;
    const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    const parts = lengths.map((length, fragment) => {
      const part = whole.subarray(at, (at += length));
      keepDigest(part, theirs[fragment]!);
      return part;
    });
    fragments.set(kind, parts);
    digests.set(kind, theirs);
  });
  return { ids, fragments, digests };
}

/** Render the batches of a job this thread claims, from the last, until the other's. */
function renderClaims(job: Job, records: IndexRecords, page: FeedPage): void {
  const sent = job.claims.length - 1;
  for (let batch = sent - 1; batch >= 0; batch--) {
    // Claimed by the other thread: it got this far, the batches before are its own.
    if (Atomics.compareExchange(job.claims, batch, 0, WORKER) !== 0) break;
    try {
      const batchRecords = found((id) => records.get(id), batchOf(job.ids, batch));
      const fragments = renderFragments({
        records: batchRecords,
        siteUrl: job.siteUrl,
        kinds: FRAGMENT_KINDS,
        page,
      });
      const packed = pack(fragments);
      const reply: Reply = { batch, ids: batchRecords.map((record) => record.id), packed };
      job.replies.postMessage(
        reply,
        packed.map(({ bytes }) => bytes.buffer as ArrayBuffer),
      );
    } catch (error) {
      job.replies.postMessage({ batch, failed: String(error) } satisfies Reply);
    }
    Atomics.add(job.claims, sent, 1);
    Atomics.notify(job.claims, sent);
  }
}

/** A job's batches this thread claims, read at the job's data version (else none is claimed). */
function renderJob(job: Job, page: FeedPage): void {
  // A connection a job: an index made again since the last one is read where it is now.
  const records = new IndexRecords(job.indexPath);
  try {
    records.snapshot((dataVersion) => {
      if (dataVersion === job.dataVersion) renderClaims(job, records, page);
    });
  } finally {
    records.close();
  }
}

/**
 * The worker's side: renders the batches it claims, from the last, for each job it is sent.
 * Called in the worker thread with its port to this thread.
 */
export function renderJobsInWorker(port: MessagePort): void {
  // The sample page of the site last asked for (a process builds for one site).
  let sample: { siteUrl: string; page: FeedPage } | undefined;
  port.on('message', (job: Job) => {
    try {
      if (sample?.siteUrl !== job.siteUrl) {
        sample = { siteUrl: job.siteUrl, page: samplePage(job.siteUrl) };
      }
      renderJob(job, sample.page);
    } catch {
      // The index could not be read: the batches not claimed yet are left to the other thread.
    } finally {
      job.replies.close();
    }
  });
  port.postMessage('ready');
}

// Plain JavaScript evaluated in the worker: this module, loaded as this thread loaded it.
const WORKER_SOURCE = `${IMPORT_WORKER_MODULE}.then(
  (module) => module.renderJobsInWorker(parentPort),
  () => parentPort.close(),
);`;

/** The worker, started when first needed and kept (it does not keep the process alive). */
let worker: Worker | undefined;
/** Whether the worker can render (it has loaded its modules). */
let ready: Promise<boolean> = Promise.resolve(false);
/** Whether to render on this thread alone from now on (the worker failed or stopped). */
let alone = false;

/**
 * Start the worker that shares full builds (if not yet started), and learn whether it can: a
 * build may start it ahead of rendering, while it reads its records' keys.
 */
export function startRenderWorker(): Promise<boolean> {
  startedWorker();
  return ready;
}

function startedWorker(): Worker | undefined {
  if (alone) return undefined;
  if (worker === undefined) {
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          module: moduleUrl('./render-on-two-threads.js', import.meta.url),
          preloads: workerPreloads(),
        },
      });
    } catch {
      alone = true;
      return undefined;
    }
    worker.unref();
    const thread = worker;
    ready = new Promise((resolve) => {
      thread.once('message', (message) => resolve(message === 'ready'));
      const stop = () => {
        alone = true;
        worker = undefined;
        resolve(false);
      };
      thread.on('error', stop);
      thread.on('exit', stop);
    });
  }
  return worker;
}

/** How many batches the worker rendered in the last call (for tests and benches). */
export let workerBatches = 0;

/**
 * Each of these records' fragments in every kind, read from the store by id, rendered on this
 * thread and a worker thread at once: the bytes renderFragments gives for the same records.
 * Returns the ids the store has (in the order given), their fragments and the fragments'
 * digestOf, in that order.
 */
export function renderOnTwoThreads({
  ids,
  store,
  siteUrl,
  page,
  meanwhile,
}: {
  ids: readonly string[];
  store: Store;
  siteUrl: string;
  page: FeedPage;
  /**
   * Other work for this thread, done first, while the worker starts on its share: the worker then
   * claims more batches, and this thread fewer.
   */
  meanwhile?: () => void;
}): Rendered {
  const batches = Math.ceil(ids.length / ITEMS_PER_RENDER);
  workerBatches = 0;
  const renderHere = (batch: number) => {
    const records = store.read((reader) => found((id) => reader.get(id), batchOf(ids, batch)));
    const fragments = renderFragments({ records, siteUrl, kinds: FRAGMENT_KINDS, page });
    // Digested now, as the worker digests its own: while both threads render, the work is
    // shared; left to the documents' ETags, it would be this thread's alone.
    const digests: Digests = new Map();
    for (const [kind, list] of fragments) digests.set(kind, list.map(digestOf));
    return { ids: records.map((record) => record.id), fragments, digests };
  };
  const done = new Array<Rendered>(batches);
  const thread = batches < MIN_BATCHES ? undefined : startedWorker();
  if (thread === undefined) {
    meanwhile?.();
    for (let batch = 0; batch < batches; batch++) done[batch] = renderHere(batch);
    return joined(done);
  }

  const claims = new Int32Array(new SharedArrayBuffer(4 * (batches + 1)));
  const { port1: replies, port2 } = new MessageChannel();
  const job: Job = {
    indexPath: store.indexPath,
    dataVersion: store.dataVersion,
    siteUrl,
    ids,
    claims,
    replies: port2,
  };
  thread.postMessage(job, [port2]);
  try {
    meanwhile?.();
    for (let batch = 0; batch < batches; batch++) {
      if (Atomics.compareExchange(claims, batch, 0, HERE) !== 0) break;
      done[batch] = renderHere(batch);
    }
    for (const batch of receiveTheirs({ claims, replies, done })) done[batch] = renderHere(batch);
  } finally {
    replies.close();
  }
  return joined(done);
}

/**
 * Wait for the batches the worker claimed, put in `done` as they arrive. Returns those it
 * failed on or did not send (it stopped answering): this thread renders them.
 */
function receiveTheirs({
  claims,
  replies,
  done,
}: {
  claims: Int32Array;
  replies: MessagePort;
  done: Rendered[];
}): Set<number> {
  const batches = claims.length - 1;
  const waiting = new Set<number>();
  for (let batch = 0; batch < batches; batch++) {
    if (Atomics.load(claims, batch) === WORKER) waiting.add(batch);
  }
  const failed = new Set<number>();
  let lastHeard = performance.now();
  while (waiting.size > 0) {
    const reply = receiveMessageOnPort(replies)?.message as Reply | undefined;
    if (reply === undefined) {
      if (performance.now() - lastHeard > STALLED_MS) {
        alone = true;
        void worker?.terminate();
        return new Set([...waiting, ...failed]);
      }
      Atomics.wait(claims, batches, Atomics.load(claims, batches), 50);
      continue;
    }
    lastHeard = performance.now();
    waiting.delete(reply.batch);
    if ('failed' in reply) failed.add(reply.batch);
    else {
      done[reply.batch] = unpack(reply.ids, reply.packed);
      workerBatches += 1;
    }
  }
  return failed;
}

/** The batches' ids, fragments and digests, one after the other. */
function joined(batches: readonly Rendered[]): Rendered {
  const ids: string[] = [];
  const fragments: Fragments = new Map(FRAGMENT_KINDS.map((kind) => [kind, []]));
  const digests: Digests = new Map(FRAGMENT_KINDS.map((kind) => [kind, []]));
  for (const batch of batches) {
    ids.push(...batch.ids);
    for (const kind of FRAGMENT_KINDS) {
      fragments.get(kind)!.push(...batch.fragments.get(kind)!);
      digests.get(kind)!.push(...batch.digests.get(kind)!);
    }
  }
  return { ids, fragments, digests };
}
