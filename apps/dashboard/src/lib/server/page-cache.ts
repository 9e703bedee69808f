import { codingEtag, isNotModified, negotiateEncoding } from '@briefing/feeds';
import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { compressBytes } from './compress.js';

/**
 * A whole page response, kept for one data version of the records: its bytes, its ETag, and
 * its gzip and brotli bytes once a client has asked for them (compressed once, not per request).
 */
export interface StoredPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  etag: string;
  coded: { br?: Buffer; gzip?: Buffer };
}

export type PageCache = LRUCache<string, StoredPage>;

/** Pages kept, most recently used first; bounded by count and by bytes. */
export function createPageCache({
  maxEntries = 2000,
  maxBytes = 256 * 1024 * 1024,
}: { maxEntries?: number; maxBytes?: number } = {}): PageCache {
  return new LRUCache<string, StoredPage>({
    max: maxEntries,
    maxSize: maxBytes,
    sizeCalculation: (page) =>
      page.body.byteLength + (page.coded.br?.byteLength ?? 0) + (page.coded.gzip?.byteLength ?? 0),
  });
}

// Pages whose HTML depends only on the records, the URL and the day.
const CACHEABLE =
  /^\/(?:$|feeds$|network$|actors$|places$|briefings$|themes\/[a-z-]+$|briefings\/[a-z0-9-]+$|actors\/[^/]+$|places\/[^/]+$)/;

/** Whether a request is for a page whose response may be stored and reused. */
export function isCacheablePage(request: Request, url: URL): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    url.search.length <= 2000 &&
    CACHEABLE.test(url.pathname)
  );
}

/** A page to keep, from the response SvelteKit rendered. */
export async function storePage(response: Response): Promise<StoredPage> {
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: [...response.headers.entries()].filter(([name]) => name !== 'content-length'),
    body,
    etag: `"${hash('sha256', body, 'base64url').slice(0, 22)}"`,
    coded: {},
  };
}

/** The response to a request from a stored page: 304, or its bytes in the coding accepted. */
export function storedResponse({
  page,
  request,
}: {
  page: StoredPage;
  request: Request;
}): Response {
  const coding = negotiateEncoding(request.headers.get('accept-encoding'));
  const etag = codingEtag(page.etag, coding);
  const headers = new Headers(page.headers);
  headers.set('etag', etag);
  headers.append('vary', 'Accept-Encoding');
  if (isNotModified({ header: (name) => request.headers.get(name), etag })) {
    return new Response(null, { status: 304, headers: { etag, vary: 'Accept-Encoding' } });
  }
  let body = page.body;
  if (coding !== 'identity') {
    body = page.coded[coding] ??= compressBytes(page.body, coding);
    headers.set('content-encoding', coding);
  }
  headers.set('content-length', String(body.byteLength));
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: page.status,
    headers,
  });
}
