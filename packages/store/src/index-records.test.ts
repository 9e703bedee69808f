import { afterEach, beforeEach, expect, it } from 'vitest';
import { IndexRecords } from './index-records.js';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture(record('a'), record('b'));
});
afterEach(() => fixture.remove());

it('reads records by id on its own connection, with the data version of its snapshot', async () => {
  const store = await fixture.open();
  const records = new IndexRecords(store.indexPath);
  const first = records.snapshot((dataVersion) => ({ dataVersion, b: records.get('b') }));
  expect(first).toEqual({ dataVersion: store.dataVersion, b: store.get('b') });
  expect(records.snapshot(() => records.get('gone'))).toBeUndefined();

  await fixture.write(record('b', { title: 'Bravo, edited' }));
  await store.sync();
  expect(records.snapshot((dataVersion) => [dataVersion, records.get('b')?.title])).toEqual([
    first.dataVersion + 1,
    'Bravo, edited',
  ]);
  records.close();
  await store.close();
});
