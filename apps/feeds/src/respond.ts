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

// Headers that do not depend on the request, computed once per file of a feed set.
const fixedHeaders = new WeakMap<FeedFile, Record<string, string>>();

function headersOf({ feeds, file }: { feeds: FeedSet; file: FeedFile }): Record<string, string> {
  let headers = fixedHeaders.get(file);
  if (headers === undefined) {
    const self = new URL(file.path, feeds.siteUrl).href;
    const links = [`<${self}>; rel="self"`];
    if (feeds.hubUrl !== undefined) links.push(`<${feeds.hubUrl}>; rel="hub"`);
    headers = {
      'content-type': file.contentType,
      etag: file.etag,
      'last-modified': file.lastModified.toUTCString(),
      'cache-control': CACHE_CONTROL,
      vary: 'Accept-Encoding',
      link: links.join(', '),
      ...SECURITY_HEADERS,
    };
    fixedHeaders.set(file, headers);
  }
  return headers;
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
  const conditional = {
    'if-none-match': header('if-none-match') ?? undefined,
    'if-modified-since': header('if-modified-since') ?? undefined,
    'cache-control': header('cache-control') ?? undefined,
  };
  if (
    (conditional['if-none-match'] !== undefined ||
      conditional['if-modified-since'] !== undefined) &&
    fresh(conditional, { etag: headers.etag, 'last-modified': headers['last-modified'] })
  ) {
    return { status: 304, headers };
  }
  const acceptEncoding = header('accept-encoding');
  const encoding =
    acceptEncoding === null || acceptEncoding === undefined || acceptEncoding === ''
      ? 'identity'
      : ((
          new Negotiator({
            headers: { 'accept-encoding': acceptEncoding },
          }) as NegotiatorWithPreferred
        ).encoding(ENCODINGS, { preferred: ENCODINGS }) ?? 'identity');
  const body = encoding === 'identity' ? file.body : file.encoded(encoding as ContentEncoding);
  return {
    status: 200,
    headers: {
      ...headers,
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
      'content-length': String(body.byteLength),
    },
    ...(head ? {} : { body }),
  };
}

// negotiator 1.x takes a preference order for ties; @types/negotiator predates it.
interface NegotiatorWithPreferred {
  encoding(
    available: readonly string[],
    options: { preferred: readonly string[] },
  ): string | undefined;
}
