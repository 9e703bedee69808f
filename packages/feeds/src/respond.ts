import fresh from 'fresh';
import Negotiator from 'negotiator';
import type { ContentEncoding, FeedFile } from './feed-file.js';
import { CALENDAR_SIZE } from './icalendar.js';
import { FEEDS_ROOT, calendarPath, calendarYearPath, feedLinks, opmlPath } from './paths.js';

/** A response as plain data, for web-standard and node:http servers alike. */
export interface FeedResponse {
  status: number;
  headers: Record<string, string>;
  /** Absent for HEAD, 304 and 405. */
  body?: Uint8Array;
}

/**
 * What responses are made from: a file by path, and the site and hub URLs. A FeedSet is one; live
 * feeds (createLiveFeeds) render each file when it is first asked for.
 */
export interface FeedSource {
  files: { get(path: string): FeedFile | undefined };
  siteUrl: string;
  hubUrl?: string;
  /**
   * Settles once the document at `path` can be answered without long work on the event loop;
   * undefined when it can be now (see LiveFeeds.whenReady).
   */
  whenReady?(path: string): Promise<void> | undefined;
}

/** Reads one request header (lower-case name), e.g. `(name) => request.headers.get(name)`. */
export type HeaderReader = (name: string) => string | null | undefined;

// Nothing in a feed document should ever run or load in a browser that opens it.
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  'referrer-policy': 'no-referrer',
  // Public data: web-based readers may fetch it from their own origin.
  'access-control-allow-origin': '*',
};

// Readers poll; five minutes keeps load low while a new record reaches them soon.
const CACHE_CONTROL = 'public, max-age=300';
const ENCODINGS: readonly Coding[] = ['br', 'gzip', 'identity'];

type Coding = ContentEncoding | 'identity';

/** One representation of a file (its bytes in one content coding) and its response headers. */
interface Representation {
  etag: string;
  /** For 304: validators and caching, no entity headers. */
  notModified: Record<string, string>;
  /** For 200, with Content-Encoding and Content-Length; made on first use. */
  ok?: Record<string, string>;
}

/**
 * The strong ETag of a file in a content coding. A strong validator names one representation
 * (RFC 9110 §8.8.1), and the gzip or brotli bytes are not the identity bytes: each coding gets its
 * own tag, "<tag>-gzip", so a 304 is only ever given for the bytes the client holds.
 */
export function codingEtag(etag: string, coding: Coding): string {
  return coding === 'identity' ? etag : `${etag.slice(0, -1)}-${coding}"`;
}

// Headers that do not depend on the request, computed once per file and coding of a feed set:
// a feed server answers the same few files again and again.
const prepared = new WeakMap<FeedFile, Partial<Record<Coding, Representation>>>();

function representationOf({
  feeds,
  file,
  coding,
}: {
  feeds: Pick<FeedSource, 'siteUrl' | 'hubUrl'>;
  file: FeedFile;
  coding: Coding;
}): Representation {
  let byCoding = prepared.get(file);
  if (byCoding === undefined) {
    byCoding = {};
    prepared.set(file, byCoding);
  }
  let representation = byCoding[coding];
  if (representation === undefined) {
    const self = new URL(file.path, feeds.siteUrl).href;
    const links = [`<${self}>; rel="self"`];
    if (feeds.hubUrl !== undefined) links.push(`<${feeds.hubUrl}>; rel="hub"`);
    const etag = codingEtag(file.etag, coding);
    representation = {
      etag,
      notModified: {
        etag,
        'last-modified': file.lastModified.toUTCString(),
        'cache-control': CACHE_CONTROL,
        vary: 'Accept-Encoding',
        link: links.join(', '),
        ...SECURITY_HEADERS,
      },
    };
    byCoding[coding] = representation;
  }
  return representation;
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
    `  iCalendar    ${calendarPath} (the ${CALENDAR_SIZE} most recent engagements)`,
    `               /feeds/calendar/<year>.ics (e.g. ${calendarYearPath({ year: '2024' })})`,
    '',
    'By theme, kind and country: /feeds/themes/<theme>.rss, /feeds/types/<type>.atom,',
    '/feeds/countries/<iso alpha-3, lower case>.json (e.g. /feeds/countries/prk.rss).',
    `Every feed, for import into a reader: ${opmlPath}`,
    '',
  ].join('\n');
}

/**
 * Whether a request path can be read: origin-form, starting with "/" (RFC 9112 §3.2.1), and
 * every percent-escape decodes (UTF-8). A path that cannot is a malformed URL, answered 400
 * wherever the feeds are served.
 */
export function isWellFormedPath(path: string): boolean {
  if (!path.startsWith('/')) return false;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The 400 for a malformed URL. */
export function malformed({ head }: { head: boolean }): FeedResponse {
  const body = Buffer.from('Malformed URL.\n', 'utf8');
  return {
    status: 400,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(body.byteLength),
      'cache-control': 'no-store',
      ...SECURITY_HEADERS,
    },
    ...(head ? {} : { body }),
  };
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
  feeds: FeedSource;
  method: string;
  path: string;
  header: HeaderReader;
}): FeedResponse | undefined {
  if (!path.startsWith(FEEDS_ROOT) || path === FEEDS_ROOT) return undefined;
  const head = method === 'HEAD';
  if (method !== 'GET' && !head) {
    return { status: 405, headers: { allow: 'GET, HEAD', ...SECURITY_HEADERS } };
  }
  if (!isWellFormedPath(path)) return malformed({ head });
  const file = feeds.files.get(path);
  if (file === undefined) return notFound({ path, head });
  return respondWithFile({ feeds, file, head, header });
}

/** The 200 or 304 for one file (GET or HEAD), whatever its path. */
export function respondWithFile({
  feeds,
  file,
  head,
  header,
}: {
  feeds: Pick<FeedSource, 'siteUrl' | 'hubUrl'>;
  file: FeedFile;
  head: boolean;
  header: HeaderReader;
}): FeedResponse {
  const accepted = negotiateEncoding(header('accept-encoding'));
  // A large body still being compressed goes out as it is (Vary: Accept-Encoding allows it).
  const ready =
    accepted === 'identity' || file.encodedIfReady === undefined
      ? undefined
      : file.encodedIfReady(accepted);
  const coding = ready === undefined && file.encodedIfReady !== undefined ? 'identity' : accepted;
  const representation = representationOf({ feeds, file, coding });
  if (
    isNotModified({
      header,
      etag: representation.etag,
      lastModified: representation.notModified['last-modified'],
    })
  ) {
    return { status: 304, headers: representation.notModified };
  }
  const body = coding === 'identity' ? file.body : (ready ?? file.encoded(coding));
  representation.ok ??= {
    'content-type': file.contentType,
    ...representation.notModified,
    ...(coding === 'identity' ? {} : { 'content-encoding': coding }),
    'content-length': String(body.byteLength),
  };
  return { status: 200, headers: representation.ok, ...(head ? {} : { body }) };
}

/**
 * Whether the request's conditional headers (If-None-Match, If-Modified-Since, Cache-Control)
 * say the client already holds this representation, so a 304 answers it (RFC 9110 §13).
 */
export function isNotModified({
  header,
  etag,
  lastModified,
}: {
  header: HeaderReader;
  etag: string;
  lastModified?: string | undefined;
}): boolean {
  const ifNoneMatch = header('if-none-match') ?? undefined;
  const ifModifiedSince = header('if-modified-since') ?? undefined;
  const cacheControl = header('cache-control') ?? undefined;
  // The common poll: a reader sends back the one ETag it got. This is exactly what fresh() decides
  // for that input, without building its arguments; everything else goes through fresh().
  if (ifNoneMatch === etag && cacheControl === undefined) return true;
  return (
    (ifNoneMatch !== undefined || ifModifiedSince !== undefined) &&
    fresh(
      {
        'if-none-match': ifNoneMatch,
        'if-modified-since': ifModifiedSince,
        'cache-control': cacheControl,
      },
      { etag, 'last-modified': lastModified },
    )
  );
}

// Clients send few distinct Accept-Encoding values; each is negotiated once. Cleared when full,
// so arbitrary headers cannot grow it without bound.
const negotiated = new Map<string, Coding>();

/** The content coding to send for an Accept-Encoding header: br, gzip or identity. */
export function negotiateEncoding(acceptEncoding: string | null | undefined): Coding {
  if (acceptEncoding === null || acceptEncoding === undefined || acceptEncoding === '') {
    return 'identity';
  }
  let coding = negotiated.get(acceptEncoding);
  if (coding === undefined) {
    const negotiator = new Negotiator({
      headers: { 'accept-encoding': acceptEncoding },
    }) as unknown as NegotiatorWithPreferred;
    coding = (negotiator.encoding(ENCODINGS, { preferred: ENCODINGS }) ?? 'identity') as Coding;
    if (negotiated.size >= 256) negotiated.clear();
    negotiated.set(acceptEncoding, coding);
  }
  return coding;
}

// negotiator 1.x takes a preference order for ties; @types/negotiator predates it.
interface NegotiatorWithPreferred {
  encoding(
    available: readonly string[],
    options: { preferred: readonly string[] },
  ): string | undefined;
}
