import { isNotModified } from '@briefing/feeds';
import { exportFileName } from '@briefing/present';
import { createReadStream, rmSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { LiveData } from './live-data.js';
import { snapshotCoverage } from './snapshot.js';

/** The dataset file of the latest data version asked for: made once, then sent from disk. */
let latest: { dataVersion: number; path: Promise<string> } | undefined;
let folder: Promise<string> | undefined;

/**
 * The whole dataset as one SQLite file (the index without its internal tables; see the store's
 * README), for sqlite3 or Datasette. It is written once per data version, in a worker thread.
 */
export async function datasetResponse({
  data,
  request,
}: {
  data: LiveData;
  request: Request;
}): Promise<Response> {
  const snapshot = await data.snapshot();
  const { dataVersion } = snapshot;
  const etag = `"v${dataVersion}-sqlite"`;
  const headers = {
    'content-type': 'application/vnd.sqlite3',
    'content-disposition': `attachment; filename="${exportFileName({ coverage: snapshotCoverage(snapshot), extension: 'sqlite' })}"`,
    etag,
    'cache-control': 'no-cache',
  };
  if (isNotModified({ header: (name) => request.headers.get(name), etag })) {
    return new Response(null, { status: 304, headers: { etag } });
  }
  if (latest?.dataVersion !== dataVersion) {
    const previous = latest;
    latest = { dataVersion, path: writeDataset(data, dataVersion) };
    // The previous file goes once the new one is there (requests may still be reading it).
    void latest.path.then(() => previous?.path.then((path) => rm(path, { force: true })));
  }
  const path = await latest.path;
  const { size } = await stat(path);
  if (request.method === 'HEAD') {
    return new Response(null, { headers: { ...headers, 'content-length': String(size) } });
  }
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, {
    headers: { ...headers, 'content-length': String(size) },
  });
}

async function writeDataset(data: LiveData, dataVersion: number): Promise<string> {
  folder ??= mkdtemp(join(tmpdir(), 'briefing-dataset-')).then((made) => {
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    return made;
  });
  const path = join(await folder, `briefings-v${dataVersion}.sqlite`);
  await data.index.exportSqlite(path);
  return path;
}
