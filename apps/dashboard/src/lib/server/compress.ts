import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { codingEtag, isNotModified, negotiateEncoding } from '@briefing/feeds';

const COMPRESSIBLE = /^(?:text\/html|text\/csv|application\/(?:schema\+)?json)/;

/**
 * Compress a page or export for a client that accepts it: adapter-node compresses only its
 * static files, and an uncompressed page costs a phone on a slow network most of its load time.
 * Each coding gets its own ETag, as the feeds' files do, and a client that already holds those
 * bytes gets a 304 (also for pages answered from the page cache, which SvelteKit never sees);
 * HEAD gets the same headers as GET.
 */
export async function compressResponse({
  request,
  response,
}: {
  request: Request;
  response: Response;
}): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  if (!COMPRESSIBLE.test(type) || response.headers.has('content-encoding')) return response;
  const head = request.method === 'HEAD';
  if (response.body === null && !head) return response;
  const coding = negotiateEncoding(request.headers.get('accept-encoding'));
  const headers = new Headers(response.headers);
  headers.append('vary', 'Accept-Encoding');
  const etag = response.headers.get('etag');
  if (etag !== null && response.status === 200) {
    const codedEtag = codingEtag(etag, coding);
    headers.set('etag', codedEtag);
    if (isNotModified({ header: (name) => request.headers.get(name), etag: codedEtag })) {
      return notModified(headers);
    }
  }
  if (head) {
    // The headers a GET would get (RFC 9110 §9.3.2), without encoding a body that is not sent.
    if (coding !== 'identity') {
      headers.set('content-encoding', coding);
      headers.delete('content-length');
    }
    return new Response(null, { status: response.status, headers });
  }
  if (coding === 'identity') {
    return new Response(response.body, { status: response.status, headers });
  }
  const encoded = compressBytes(Buffer.from(await response.arrayBuffer()), coding);
  headers.set('content-encoding', coding);
  headers.set('content-length', String(encoded.byteLength));
  return new Response(new Uint8Array(encoded), { status: response.status, headers });
}

/** Bytes in a content coding. */
export function compressBytes(body: Buffer, coding: 'br' | 'gzip'): Buffer {
  return coding === 'br'
    ? brotliCompressSync(body, {
        params: {
          // Quality 5 compresses a 100 KB page in a few milliseconds, close to the best ratio.
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipSync(body);
}

// A 304 keeps the validators and caching headers of the 200 it stands for (RFC 9110 §15.4.5).
const NOT_MODIFIED_HEADERS = [
  'etag',
  'cache-control',
  'content-location',
  'date',
  'expires',
  'vary',
];

function notModified(headers: Headers): Response {
  const kept = new Headers();
  for (const name of NOT_MODIFIED_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept.set(name, value);
  }
  return new Response(null, { status: 304, headers: kept });
}
