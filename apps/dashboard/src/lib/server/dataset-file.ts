import { codingEtag, isNotModified, negotiateEncoding } from '@briefing/feeds';
import { exportFileName } from '@briefing/present';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { LiveData } from './live-data.js';
import { snapshotCoverage } from './snapshot.js';

type Coding = 'gzip' | 'br';

/**
 * The dataset file of the latest data version asked for, and its compressed copies: each made
 * once, when first asked for, then sent from disk.
 */
interface Dataset {
  dataVersion: number;
  path: Promise<string>;
  coded: Partial<Record<Coding, Promise<string>>>;
}

let latest: Dataset | undefined;
let folder: Promise<string> | undefined;

/**
 * The whole dataset as one SQLite file (the index without its internal tables; see the store's
 * README), for sqlite3 or Datasette. It is written once per data version, in a worker thread,
 * and compressed once per coding a client accepts (at 10,000 records, 27 MB are 4.2 MB with
 * gzip, 3.6 MB with brotli).
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
  const coding = negotiateEncoding(request.headers.get('accept-encoding'));
  const headers: Record<string, string> = {
    'content-type': 'application/vnd.sqlite3',
    'content-disposition': `attachment; filename="${exportFileName({ coverage: snapshotCoverage(snapshot), extension: 'sqlite' })}"`,
    'cache-control': 'no-cache',
    vary: 'Accept-Encoding',
  };
  const tag = `"v${dataVersion}-sqlite"`;
  // Answered before any file is made: the tags name the data version and the coding.
  if (
    isNotModified({ header: (name) => request.headers.get(name), etag: codingEtag(tag, coding) })
  ) {
    return new Response(null, {
      status: 304,
      headers: { etag: codingEtag(tag, coding), vary: headers.vary! },
    });
  }
  if (latest?.dataVersion !== dataVersion) {
    const previous = latest;
    latest = { dataVersion, path: writeDataset(data, dataVersion), coded: {} };
    // The previous files go once the new one is there (requests may still be reading them).
    void latest.path.then(() => previous && removeDataset(previous));
  }
  const dataset = latest;
  let path = await dataset.path;
  let sent: Coding | 'identity' = 'identity';
  if (coding !== 'identity') {
    const coded = (dataset.coded[coding] ??= compressedCopy(path, coding));
    try {
      path = await coded;
      sent = coding;
    } catch {
      // Sent as it is; a later request tries again.
      if (dataset.coded[coding] === coded) delete dataset.coded[coding];
    }
  }
  headers.etag = codingEtag(tag, sent);
  if (sent !== 'identity') headers['content-encoding'] = sent;
  const { size } = await stat(path);
  headers['content-length'] = String(size);
  if (request.method === 'HEAD') return new Response(null, { headers });
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, {
    headers,
  });
}

/** A copy of the file in a content coding, beside it, made in the thread pool. */
async function compressedCopy(path: string, coding: Coding): Promise<string> {
  const target = `${path}.${coding === 'gzip' ? 'gz' : 'br'}`;
  const { size } = await stat(path);
  await pipeline(
    createReadStream(path),
    coding === 'gzip'
      ? createGzip()
      : createBrotliCompress({
          params: {
            // Quality 5: most of the gain of the default 11, in well under a second (36 MB:
            // 0.65 s) rather than tens of seconds.
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_SIZE_HINT]: size,
          },
        }),
    createWriteStream(target),
  );
  return target;
}

/** Removes a dataset's files once they are made (or have failed). */
async function removeDataset(dataset: Dataset): Promise<void> {
  for (const made of [dataset.path, ...Object.values(dataset.coded)]) {
    const path = await made.catch(() => undefined);
    if (path !== undefined) await rm(path, { force: true });
  }
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
