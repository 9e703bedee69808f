import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { negotiateEncoding } from '@briefing/feeds';

const COMPRESSIBLE = /^(?:text\/html|text\/csv|application\/json)/;

/**
 * Compress a page or export for a client that accepts it: adapter-node compresses only its
 * static files, and an uncompressed page costs a phone on a slow network most of its load time.
 */
export async function compressResponse({
  request,
  response,
}: {
  request: Request;
  response: Response;
}): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  if (
    !COMPRESSIBLE.test(type) ||
    response.headers.has('content-encoding') ||
    response.body === null ||
    request.method === 'HEAD'
  ) {
    return response;
  }
  const coding = negotiateEncoding(request.headers.get('accept-encoding'));
  const headers = new Headers(response.headers);
  headers.append('vary', 'Accept-Encoding');
  if (coding === 'identity') {
    return new Response(response.body, { status: response.status, headers });
  }
  const body = Buffer.from(await response.arrayBuffer());
  const encoded =
    coding === 'br'
      ? brotliCompressSync(body, {
          params: {
            // Quality 5 compresses a 100 KB page in a few milliseconds, close to the best ratio.
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        })
      : gzipSync(body);
  headers.set('content-encoding', coding);
  headers.set('content-length', String(encoded.byteLength));
  return new Response(new Uint8Array(encoded), { status: response.status, headers });
}
