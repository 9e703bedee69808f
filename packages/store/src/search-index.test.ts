import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { briefingToYaml } from '@briefing/schema/node';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

// The writer adds records to the full-text index in batches (index-writer.ts): whatever an
// update does, the index must agree with the records once it commits.

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture(
    // More than one batch, in one update.
    ...Array.from({ length: 1234 }, (_, i) => record(`r-${i}`, { title: `Batch ${i}` })),
  );
});
afterEach(() => fixture.remove());

/** FTS5's own check of its index against the records table; throws if they disagree. */
function checkSearchIndex(path: string): void {
  const db = new DatabaseSync(path);
  try {
    db.exec("INSERT INTO records_fts (records_fts) VALUES ('integrity-check')");
  } finally {
    db.close();
  }
}

describe('the full-text index', () => {
  it('agrees with the records after a build, edits, renames, deletes and a reopen', async () => {
    let store = await fixture.open();
    checkSearchIndex(store.indexPath);
    expect(store.search({ text: 'batch' }).total).toBe(1234);

    await fixture.write(
      record('r-1', { title: 'Renamed summit' }),
      record('new', { title: 'Fresh summit' }),
    );
    await unlink(join(fixture.dir, 'r-2.yaml'));
    await rename(join(fixture.dir, 'r-3.yaml'), join(fixture.dir, 'moved.yaml'));
    // A duplicate id: the file named after it serves, the other does not.
    await fixture.write({ file: 'copy-of-r-4.yaml', text: briefingToYaml(record('r-4')) });
    await store.sync();
    checkSearchIndex(store.indexPath);
    expect(
      store
        .search({ text: 'summit' })
        .hits.map((hit) => hit.record.id)
        .sort(),
    ).toEqual(['new', 'r-1']);
    expect(store.search({ text: 'batch' }).total).toBe(1232);

    await store.close();
    store = await fixture.open();
    await fixture.write(record('r-1', { title: 'Renamed again' }));
    await store.sync();
    checkSearchIndex(store.indexPath);
    expect(store.search({ text: 'summit' }).hits.map((hit) => hit.record.id)).toEqual(['new']);
  });
});
