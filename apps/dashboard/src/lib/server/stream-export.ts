import { codingEtag, isNotModified, negotiateEncoding } from '@briefing/feeds';
import { hash } from 'node:crypto';
import { Readable, pipeline, type Transform } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { KeptExports } from './kept-exports.js';

/** The exports this server has made, kept for the current data version. */
const exportsKept = new KeptExports();

/** Bytes gathered before they are sent on and the event loop gets a turn. */
const BATCH_BYTES = 64 * 1024;

/**
 * An export sent as it is made: `parts` (one data version of the index, read lazily) are
 * batched, compressed as the client accepts, and the server answers other requests between
 * batches. Its ETag names the data version and the query, so a client that holds this export
 * gets a 304 without it being made again. The bytes sent are kept (see kept-exports.ts): the
 * next client asking for it in the same coding gets them without it being made again either.
 */
export function streamExport({
  request,
  parts,
  dataVersion,
  query,
  headers,
  kept = exportsKept,
}: {
  request: Request;
  parts: () => Iterable<string>;
  dataVersion: number;
  /** What selects the export (its URL's query string). */
  query: string;
  headers: Record<string, string>;
  /** Where made exports are kept (tests give their own). */
  kept?: KeptExports;
}): Response {
  const coding = negotiateEncoding(request.headers.get('accept-encoding'));
  const etag = codingEtag(`"v${dataVersion}-${hash('sha256', query).slice(0, 16)}"`, coding);
  const sent = new Headers({
    ...headers,
    etag,
    vary: 'Accept-Encoding',
    'cache-control': 'no-cache',
  });
  if (isNotModified({ header: (name) => request.headers.get(name), etag })) {
    return new Response(null, { status: 304, headers: { etag, vary: 'Accept-Encoding' } });
  }
  if (coding !== 'identity') sent.set('content-encoding', coding);
  if (request.method === 'HEAD') return new Response(null, { headers: sent });
  const key = `${query} ${coding}`;
  const made = kept.get({ dataVersion, key });
  if (made !== undefined) {
    sent.set('content-length', String(made.byteLength));
    return new Response(made, { headers: sent });
  }
  const stages: (Readable | Transform)[] = [Readable.from(batches(parts))];
  if (coding === 'br') {
    // Quality 5: close to the best ratio at a fraction of the time of the default 11.
    stages.push(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
  } else if (coding === 'gzip') {
    stages.push(createGzip());
  }
  const body = kept.keeping({ dataVersion, key });
  // A pipeline, not pipes: a client that goes away stops the reading of the index (and its
  // read transaction ends), instead of leaving it paused.
  pipeline([...stages, body], () => {});
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { headers: sent });
}

async function* batches(parts: () => Iterable<string>): AsyncGenerator<Buffer> {
  let batch: string[] = [];
  let size = 0;
  for (const part of parts()) {
    batch.push(part);
    size += part.length;
    if (size >= BATCH_BYTES) {
      yield Buffer.from(batch.join(''), 'utf8');
      batch = [];
      size = 0;
      await turn();
    }
  }
  if (batch.length > 0) yield Buffer.from(batch.join(''), 'utf8');
}
