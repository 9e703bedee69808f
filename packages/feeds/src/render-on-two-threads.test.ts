import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { MessageChannel } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBriefings } from '@briefing/schema/testing';
import { FRAGMENT_KINDS, renderFragments, samplePage } from './render-fragments.js';
import { renderJobsInWorker, renderOnTwoThreads } from './render-on-two-threads.js';
import { digestOf } from './strong-etag.js';
import { makeStoreFixture, type StoreFixture } from './test-support/store-fixture.js';

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const siteUrl = 'https://briefing.example.org/';

describe('rendering a full build on two threads', () => {
  it('gives the ids, bytes and ETags one thread gives, the worker rendering a share, call after call', async () => {
    // Through tsx in a process of its own: the worker loads the sources as its parent does.
    const { stdout } = await run(
      process.execPath,
      [
        '--conditions=briefing-source',
        '--import',
        'tsx',
        'src/test-support/render-both.ts',
        '2000',
      ],
      { cwd: PACKAGE_DIR },
    );
    const { ready, calls, batches } = JSON.parse(stdout) as {
      ready: boolean;
      calls: {
        sameIds: boolean;
        sameBytes: boolean;
        sameCuts: boolean;
        sameTags: boolean;
        sameDigests: boolean;
        workerBatches: number;
        meanwhile: number;
      }[];
      batches: number;
    };
    expect(ready).toBe(true);
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call).toMatchObject({
        sameIds: true,
        sameBytes: true,
        sameCuts: true,
        sameTags: true,
        sameDigests: true,
        // This thread's other work, done once, while the worker rendered.
        meanwhile: 1,
      });
      expect(call.workerBatches).toBeGreaterThan(0);
      expect(call.workerBatches).toBeLessThan(batches);
    }
  }, 60_000);

  describe('where no worker can load its modules (under the test runner)', () => {
    const records = generateBriefings({ count: 900 });
    let fixture: StoreFixture;
    beforeAll(async () => {
      fixture = await makeStoreFixture(records);
    });
    afterAll(() => fixture.close());

    it("has the worker's side render only at the data version it is asked for", async () => {
      // The worker's side, here on this thread, over a port of its own.
      const worker = new MessageChannel();
      renderJobsInWorker(worker.port1);
      const ids = records.slice(0, 150).map((record) => record.id);
      const job = async (dataVersion: number) => {
        const claims = new Int32Array(new SharedArrayBuffer(4 * 3));
        const replies = new MessageChannel();
        const messages: unknown[] = [];
        replies.port1.on('message', (message) => messages.push(message));
        const closed = once(replies.port1, 'close');
        worker.port2.postMessage(
          {
            indexPath: fixture.store.indexPath,
            dataVersion,
            siteUrl,
            ids,
            claims,
            replies: replies.port2,
          },
          [replies.port2],
        );
        await closed;
        return { claims: [...claims], messages };
      };
      expect(await job(fixture.store.dataVersion + 1)).toEqual({ claims: [0, 0, 0], messages: [] });
      const { claims, messages } = await job(fixture.store.dataVersion);
      // Both batches, from the last; then the count of batches sent.
      expect(claims).toEqual([2, 2, 2]);
      expect(messages.map((message) => (message as { batch: number }).batch)).toEqual([1, 0]);
      worker.port1.close();
    });

    it('renders alone, with the same bytes, leaving out the ids the store does not have', () => {
      const page = samplePage(siteUrl);
      const ids = ['no-such-record', ...records.map((record) => record.id)];
      let meanwhile = 0;
      const both = renderOnTwoThreads({
        ids,
        store: fixture.store,
        siteUrl,
        page,
        meanwhile: () => (meanwhile += 1),
      });
      expect(meanwhile).toBe(1);
      expect(both.ids).toEqual(records.map((record) => record.id));
      const alone = renderFragments({ records, siteUrl, kinds: FRAGMENT_KINDS, page });
      for (const kind of FRAGMENT_KINDS) {
        expect(both.fragments.get(kind)).toEqual(alone.get(kind));
        expect(both.digests.get(kind)).toEqual(alone.get(kind)!.map(digestOf));
      }
    });
  });
});
