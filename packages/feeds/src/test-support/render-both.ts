// Run by render-on-two-threads.test.ts through tsx (where a worker thread can load these
// sources): renders the records of a real store on two threads and on this one, and prints, as
// JSON, whether each call gave the same ids, bytes and ETags, and how many batches the worker
// rendered.
import { generateBriefings } from '@briefing/schema/testing';
import { FRAGMENT_KINDS, renderFragments, samplePage } from '../render-fragments.js';
import * as twoThreads from '../render-on-two-threads.js';
import { digestOf, strongEtag } from '../strong-etag.js';
import { makeStoreFixture } from './store-fixture.js';

const count = Number(process.argv[2]);
const siteUrl = 'https://briefing.example.org/';
const records = generateBriefings({ count });
const fixture = await makeStoreFixture(records);
const ready = await twoThreads.startRenderWorker();
const page = samplePage(siteUrl);
// Every record, and one the store does not have (left out).
const ids = [...records.map((record) => record.id), 'no-such-record'];
const calls = [];
for (let call = 0; call < 2; call++) {
  let meanwhile = 0;
  const both = twoThreads.renderOnTwoThreads({
    ids,
    store: fixture.store,
    siteUrl,
    page,
    meanwhile: () => (meanwhile += 1),
  });
  const alone = renderFragments({ records, siteUrl, kinds: FRAGMENT_KINDS, page });
  calls.push({
    sameIds: JSON.stringify(both.ids) === JSON.stringify(records.map((record) => record.id)),
    sameBytes: FRAGMENT_KINDS.every((kind) =>
      Buffer.concat(both.fragments.get(kind)!).equals(Buffer.concat(alone.get(kind)!)),
    ),
    sameCuts: FRAGMENT_KINDS.every((kind) =>
      both.fragments
        .get(kind)!
        .every((fragment, index) => fragment.equals(alone.get(kind)![index]!)),
    ),
    // The digests the worker sent for its fragments are theirs: documents get the same tags.
    sameTags: FRAGMENT_KINDS.every(
      (kind) => strongEtag(both.fragments.get(kind)!) === strongEtag(alone.get(kind)!),
    ),
    // Each fragment's digest, given with it, whichever thread made it.
    sameDigests: FRAGMENT_KINDS.every((kind) =>
      both.digests
        .get(kind)!
        .every((digest, index) => digest === digestOf(alone.get(kind)![index]!)),
    ),
    workerBatches: twoThreads.workerBatches,
    meanwhile,
  });
}
await fixture.close();
console.log(JSON.stringify({ ready, calls, batches: Math.ceil(ids.length / 100) }));
