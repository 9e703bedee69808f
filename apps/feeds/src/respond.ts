import fresh from 'fresh';
import Negotiator from 'negotiator';
import type { FeedSet } from './build-feeds.js';
import type { ContentEncoding, FeedFile } from './feed-file.js';
import { FEEDS_ROOT, calendarPath, feedLinks, opmlPath } from './paths.js';

/** A response as plain data, for web-standard and node:http servers alike. */
export interface FeedResponse {
  status: number;
  headers: Record<string, string>;
  /** Absent for HEAD, 304 and 405. */
  body?: Uint8Array;
}

/** Reads one request header (lower-case name), e.g. `(name) => request.headers.get(name)`. */
export type HeaderReader = (name: string) => string | null | undefined;

// Nothing in a feed document should ever run or load in a browser that opens it.
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  'referrer-policy': 'no-referrer',
  // Public data: web-based readers may fetch it from their own origin.
  'access-control-allow-origin': '*',
};

// Readers poll; five minutes keeps load low while a new record reaches them soon.
const CACHE_CONTROL = 'public, max-age=300';
const ENCODINGS: readonly (ContentEncoding | 'identity')[] = ['br', 'gzip', 'identity'];

interface PreparedHeaders {
  /** For 304: validators and caching, no entity headers. */
  notModified: Record<string, string>;
  /** For 200, per content coding, with Content-Encoding and Content-Length. */
  ok: Partial<Record<ContentEncoding | 'identity', Record<string, string>>>;
}

// Headers that do not depend on the request, computed once per file of a feed set: a feed server
// answers the same few files again and again.
const prepared = new WeakMap<FeedFile, PreparedHeaders>();

function headersOf({ feeds, file }: { feeds: FeedSet; file: FeedFile }): PreparedHeaders {
  let headers = prepared.get(file);
  if (headers === undefined) {
    const self = new URL(file.path, feeds.siteUrl).href;
    const links = [`<${self}>; rel="self"`];
    if (feeds.hubUrl !== undefined) links.push(`<${feeds.hubUrl}>; rel="hub"`);
    headers = {
      notModified: {
        etag: file.etag,
        'last-modified': file.lastModified.toUTCString(),
        'cache-control': CACHE_CONTROL,
        vary: 'Accept-Encoding',
        link: links.join(', '),
        ...SECURITY_HEADERS,
      },
      ok: {},
    };
    prepared.set(file, headers);
  }
  return headers;
}

function okHeaders({
  headers,
  file,
  encoding,
}: {
  headers: PreparedHeaders;
  file: FeedFile;
  encoding: ContentEncoding | 'identity';
}): Record<string, string> {
  let ok = headers.ok[encoding];
  if (ok === undefined) {
    const body = encoding === 'identity' ? file.body : file.encoded(encoding);
    ok = {
      'content-type': file.contentType,
      ...headers.notModified,
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
      'content-length': String(body.byteLength),
    };
    headers.ok[encoding] = ok;
  }
  return ok;
}

/** The body of a 404 under /feeds/: where the feeds actually are. */
export function notFoundText({ path }: { path: string }): string {
  const all = feedLinks({ scope: { kind: 'all' } });
  return [
    `No feed at ${path}.`,
    '',
    'Every briefing:',
    `  RSS 2.0      ${all.rss}`,
    `  Atom 1.0     ${all.atom}`,
    `  JSON Feed    ${all.json}`,
    `  iCalendar    ${calendarPath}`,
    '',
    'By theme, kind and country: /feeds/themes/<theme>.rss, /feeds/types/<type>.atom,',
    '/feeds/countries/<iso alpha-3, lower case>.json (e.g. /feeds/countries/prk.rss).',
    `Every feed, for import into a reader: ${opmlPath}`,
    '',
  ].join('\n');
}

/** A helpful 404: where the feeds are. */
export function notFound({ path, head }: { path: string; head: boolean }): FeedResponse {
  const body = Buffer.from(notFoundText({ path }), 'utf8');
  return {
    status: 404,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(body.byteLength),
      'cache-control': 'no-cache',
      ...SECURITY_HEADERS,
    },
    ...(head ? {} : { body }),
  };
}

/**
 * Answer a request for a feed file, or undefined when the path is not under /feeds/ (the
 * application's own routes, including a /feeds page, are left alone).
 */
export function respondToFeedRequest({
  feeds,
  method,
  path,
  header,
}: {
  feeds: FeedSet;
  method: string;
  path: string;
  header: HeaderReader;
}): FeedResponse | undefined {
  if (!path.startsWith(FEEDS_ROOT) || path === FEEDS_ROOT) return undefined;
  const head = method === 'HEAD';
  if (method !== 'GET' && !head) {
    return { status: 405, headers: { allow: 'GET, HEAD', ...SECURITY_HEADERS } };
  }
  const file = feeds.files.get(path);
  if (file === undefined) return notFound({ path, head });
  const headers = headersOf({ feeds, file });
  const ifNoneMatch = header('if-none-match') ?? undefined;
  const ifModifiedSince = header('if-modified-since') ?? undefined;
  const cacheControl = header('cache-control') ?? undefined;
  // The common poll: a reader sends back the one ETag it got. This is exactly what fresh() decides
  // for that input, without building its arguments; everything else goes through fresh().
  if (ifNoneMatch === file.etag && cacheControl === undefined) {
    return { status: 304, headers: headers.notModified };
  }
  if (
    (ifNoneMatch !== undefined || ifModifiedSince !== undefined) &&
    fresh(
      {
        'if-none-match': ifNoneMatch,
        'if-modified-since': ifModifiedSince,
        'cache-control': cacheControl,
      },
      { etag: file.etag, 'last-modified': headers.notModified['last-modified'] },
    )
  ) {
    return { status: 304, headers: headers.notModified };
  }
  const encoding = negotiateEncoding(header('accept-encoding'));
  const body = encoding === 'identity' ? file.body : file.encoded(encoding);
  return {
    status: 200,
    headers: okHeaders({ headers, file, encoding }),
    ...(head ? {} : { body }),
  };
}

function negotiateEncoding(
  acceptEncoding: string | null | undefined,
): ContentEncoding | 'identity' {
  if (acceptEncoding === null || acceptEncoding === undefined || acceptEncoding === '') {
    return 'identity';
  }
  const negotiator = new Negotiator({
    headers: { 'accept-encoding': acceptEncoding },
  }) as unknown as NegotiatorWithPreferred;
  return (negotiator.encoding(ENCODINGS, { preferred: ENCODINGS }) ?? 'identity') as
    ContentEncoding | 'identity';
}

// negotiator 1.x takes a preference order for ties; @types/negotiator predates it.
interface NegotiatorWithPreferred {
  encoding(
    available: readonly string[],
    options: { preferred: readonly string[] },
  ): string | undefined;
}
