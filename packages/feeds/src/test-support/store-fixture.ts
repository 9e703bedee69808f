// A real store on a real temporary folder, for the live feeds' tests: records written as YAML,
// changes applied with an explicit sync (or a watcher, where a test needs one).
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { briefingToYaml } from '@briefing/schema/node';
import type { Briefing } from '@briefing/schema';
import { makeTempDir } from '@briefing/schema/testing';
import { openStore, silentLogger, type Store } from '@briefing/store';

export interface StoreFixture {
  root: string;
  /** The data folder. */
  dir: string;
  store: Store;
  /** Write records as `<id>.yaml` and wait until the store has them. */
  write(...records: Briefing[]): Promise<void>;
  /** Delete records and wait until the store has dropped them. */
  remove(...ids: string[]): Promise<void>;
  close(): Promise<void>;
}

/** Write a record's YAML the way editors save: a whole new file renamed over the old one. */
export async function writeRecordFile(dir: string, record: Briefing): Promise<void> {
  const path = join(dir, `${record.id}.yaml`);
  await writeFile(`${path}.tmp`, briefingToYaml(record));
  await rename(`${path}.tmp`, path);
}

export async function makeStoreFixture(records: readonly Briefing[]): Promise<StoreFixture> {
  const temp = await makeTempDir('briefing-feeds-store-');
  const dir = join(temp.dir, 'data');
  await mkdir(dir);
  for (const record of records) await writeRecordFile(dir, record);
  const store = await openStore({
    dir,
    cacheDir: join(temp.dir, 'cache'),
    logger: silentLogger,
  });
  return {
    root: temp.dir,
    dir,
    store,
    async write(...written) {
      for (const record of written) await writeRecordFile(dir, record);
      await store.sync({ names: written.map((record) => `${record.id}.yaml`) });
    },
    async remove(...ids) {
      for (const id of ids) await rm(join(dir, `${id}.yaml`));
      await store.sync({ names: ids.map((id) => `${id}.yaml`) });
    },
    async close() {
      await store.close();
      await temp.remove();
    },
  };
}
