import { codingEtag, isNotModified, negotiateEncoding } from '@briefing/feeds';
import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { todayIso } from '@briefing/schema';
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

/** Which page of which data version and day: pages show today's date in places. */
export interface PageKey {
  day: string;
  dataVersion: number;
  /** The whole key as one string (day, data version, path and query). */
  id: string;
}

/**
 * Pages kept for the data version and day that requests are answered from, most recently used
 * first, bounded by count and by bytes. A page of an earlier version or day is never asked for
 * again: the first page kept for a newer one drops them all. (Left to the bounds, up to 256 MiB,
 * they took a server at 100,000 records to a peak of 1,027 MiB over 10 edits, 798–811 without.)
 */
export class PageCache {
  readonly #pages: LRUCache<string, StoredPage>;
  #day = '';
  #dataVersion = -1;

  constructor({
    maxEntries = 2000,
    maxBytes = 256 * 1024 * 1024,
  }: { maxEntries?: number; maxBytes?: number } = {}) {
    this.#pages = new LRUCache<string, StoredPage>({
      max: maxEntries,
      maxSize: maxBytes,
      sizeCalculation: (page) =>
        page.body.byteLength +
        (page.coded.br?.byteLength ?? 0) +
        (page.coded.gzip?.byteLength ?? 0),
    });
  }

  /** How many pages are kept. */
  get size(): number {
    return this.#pages.size;
  }

  get(key: PageKey): StoredPage | undefined {
    return this.#pages.get(key.id);
  }

  /** Keeps a page rendered from the key's data version (ignored if a newer one is kept). */
  set(key: PageKey, page: StoredPage): void {
    const older =
      key.day < this.#day || (key.day === this.#day && key.dataVersion < this.#dataVersion);
    if (older) return;
    if (key.day !== this.#day || key.dataVersion !== this.#dataVersion) {
      this.#pages.clear();
      this.#day = key.day;
      this.#dataVersion = key.dataVersion;
    }
    this.#pages.set(key.id, page);
  }
}

// Pages whose HTML depends only on the records, the URL and the day.
const CACHEABLE =
  /^\/(?:$|feeds$|network$|actors$|places$|briefings$|themes\/[a-z-]+$|briefings\/[a-z0-9-]+$|actors\/[^/]+$|places\/[^/]+$)/;

/** Whether a request is for a page whose response may be stored and reused. */
export function isCacheablePage(request: { method: string }, url: URL): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    url.search.length <= 2000 &&
    CACHEABLE.test(url.pathname)
  );
}

/** The key of a page for a data version, today. */
export function pageKey({ dataVersion, url }: { dataVersion: number; url: URL }): PageKey {
  const day = todayIso();
  return { day, dataVersion, id: `${day} ${dataVersion} ${url.pathname}${url.search}` };
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

/** What to send for a stored page: a 304, or its bytes in the coding the client accepts. */
export interface StoredReply {
  status: number;
  headers: [string, string][];
  /** Undefined for a 304 or a HEAD. */
  body?: Buffer;
}

/** The reply to a GET or HEAD from a stored page, given how to read the request's headers. */
export function storedReply({
  page,
  method,
  header,
}: {
  page: StoredPage;
  method: string;
  header: (name: string) => string | null | undefined;
}): StoredReply {
  const coding = negotiateEncoding(header('accept-encoding'));
  const etag = codingEtag(page.etag, coding);
  // An origin server answers a matching If-None-Match with a 304 whatever the request's
  // Cache-Control says (RFC 9110 §13.2.1; fetch sends `no-cache` with it), as SvelteKit does.
  const precondition = (name: string) => (name === 'cache-control' ? null : (header(name) ?? null));
  if (isNotModified({ header: precondition, etag })) {
    return {
      status: 304,
      headers: [
        ['etag', etag],
        ['vary', 'Accept-Encoding'],
      ],
    };
  }
  let body = page.body;
  const headers: [string, string][] = [
    ...page.headers.filter(([name]) => name !== 'etag'),
    ['etag', etag],
    ['vary', 'Accept-Encoding'],
  ];
  if (coding !== 'identity') {
    body = page.coded[coding] ??= compressBytes(page.body, coding);
    headers.push(['content-encoding', coding]);
  }
  headers.push(['content-length', String(body.byteLength)]);
  return { status: page.status, headers, ...(method === 'HEAD' ? {} : { body }) };
}

/** The response to a request from a stored page: 304, or its bytes in the coding accepted. */
export function storedResponse({
  page,
  request,
}: {
  page: StoredPage;
  request: Request;
}): Response {
  const reply = storedReply({
    page,
    method: request.method,
    header: (name) => request.headers.get(name),
  });
  const headers = new Headers();
  for (const [name, value] of reply.headers) headers.append(name, value);
  return new Response(reply.body === undefined ? null : new Uint8Array(reply.body), {
    status: reply.status,
    headers,
  });
}
