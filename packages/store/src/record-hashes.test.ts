import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { recordHashes } from './record-hashes.js';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture(record('a'), record('b'));
});
afterEach(() => fixture.remove());

const fileHash = async (name: string) =>
  createHash('sha256')
    .update(await readFile(join(fixture.dir, name)))
    .digest('hex');

it("gives each record's file hash with the data version, and follows edits", async () => {
  const store = await fixture.open();
  const before = recordHashes(store);
  expect(before.dataVersion).toBe(store.dataVersion);
  expect(before.hashes).toEqual(
    new Map([
      ['a', await fileHash('a.yaml')],
      ['b', await fileHash('b.yaml')],
    ]),
  );
  await fixture.write(record('b', { title: 'Bravo, edited' }));
  await store.sync();
  const after = recordHashes(store);
  expect(after.dataVersion).toBe(store.dataVersion);
  expect(after.dataVersion).not.toBe(before.dataVersion);
  expect(after.hashes.get('a')).toBe(before.hashes.get('a'));
  expect(after.hashes.get('b')).toBe(await fileHash('b.yaml'));
  expect(after.hashes.get('b')).not.toBe(before.hashes.get('b'));
  expect(recordHashes(store, { ids: ['b', 'gone'] }).hashes).toEqual(
    new Map([['b', after.hashes.get('b')]]),
  );
  await store.close();
});
