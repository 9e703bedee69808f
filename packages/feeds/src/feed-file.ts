import { strongEtag } from './strong-etag.js';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip';

/** One file of the feed set: bytes, type and validators, with compressed bodies made on demand. */
export interface FeedFile {
  /** Site-relative path, e.g. "/feeds/all.atom". */
  path: string;
  /** Media type with charset. */
  contentType: string;
  /** The bytes; for archive documents made afresh on each read (see makeRenderedFeedFile). */
  readonly body: Uint8Array;
  /** The bytes as parts in order, when the file is made of parts: written without joining. */
  parts?(): readonly Uint8Array[];
  /** Strong validator of `body`. */
  etag: string;
  /** The newest record update the file shows (never the build time). */
  lastModified: Date;
  /** The body in a content coding, computed once and kept. */
  encoded(encoding: ContentEncoding): Uint8Array;
  /**
   * The body in a content coding if it is ready; for a large body not yet compressed, undefined
   * while it is compressed off the event loop (the caller sends the identity bytes meanwhile).
   */
  encodedIfReady?(encoding: ContentEncoding): Uint8Array | undefined;
  /** Whether the body is joined already (a file made of parts joins it when first read). */
  readonly joined?: boolean;
  /**
   * Joins the parts into the body half a megabyte a turn of the event loop, so that reading the
   * body of a large file does not hold the loop (joined at once, the 9 MB calendar of 10,000
   * records took ~30 ms: fresh memory is faulted in a page at a time).
   */
  joinInSlices?(): Promise<void>;
}

// Above this size a body is compressed in the thread pool, not on the event loop: brotli at
// quality 9 takes about a second for the 10 MB calendar of 10,000 records.
const ASYNC_COMPRESSION_BYTES = 512 * 1024;
// What joinInSlices copies in one turn of the event loop (a few milliseconds).
const JOIN_SLICE_BYTES = 512 * 1024;

export const CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  opml: 'text/x-opml; charset=utf-8',
} as const;

const brotliOptions = (body: Uint8Array) => ({
  params: {
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_QUALITY]: 9,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
  },
});

function compress(body: Uint8Array, encoding: ContentEncoding): Uint8Array {
  if (encoding === 'gzip') return gzipSync(body, { level: 9 });
  return brotliCompressSync(body, brotliOptions(body));
}

/** The same bytes as `compress`, made in the thread pool. */
function compressInBackground(
  body: Uint8Array,
  encoding: ContentEncoding,
  done: (bytes: Uint8Array) => void,
): void {
  const callback = (error: Error | null, bytes: Buffer) => {
    if (error === null) done(bytes);
  };
  if (encoding === 'gzip') gzip(body, { level: 9 }, callback);
  else brotliCompress(body, brotliOptions(body), callback);
}

/**
 * A feed file whose bytes are made on each use and not kept: archive documents, which are many,
 * large in total (~250 MiB for 10,000 records) and rarely read. Only the ETag and compressed
 * bodies, small, are kept once made.
 */
export function makeRenderedFeedFile({
  path,
  contentType,
  lastModified,
  parts,
  etag,
}: {
  path: string;
  contentType: string;
  lastModified: Date;
  /** The document's bytes in order, joined only when the body is read. */
  parts: () => readonly Uint8Array[];
  /** strongEtag of the parts, when already computed. */
  etag?: string;
}): FeedFile {
  const cache: Partial<Record<ContentEncoding, Uint8Array>> = {};
  let tag = etag;
  const body = () => Buffer.concat(parts());
  return {
    path,
    contentType,
    get body() {
      return body();
    },
    parts,
    get etag() {
      tag ??= strongEtag(parts());
      return tag;
    },
    lastModified,
    encoded(encoding) {
      cache[encoding] ??= compress(body(), encoding);
      return cache[encoding];
    },
  };
}

/**
 * Make a feed file from its text, its UTF-8 bytes, or its bytes in parts (joined when the body is
 * first read, then kept; a build writes the parts as they are).
 */
export function makeFeedFile({
  path,
  contentType,
  text,
  bytes,
  parts,
  lastModified,
  etag,
}: {
  path: string;
  contentType: string;
  lastModified: Date;
  /** strongEtag of the bytes, when already computed. */
  etag?: string;
} & (
  | { text: string; bytes?: undefined; parts?: undefined }
  | { bytes: Buffer; text?: undefined; parts?: undefined }
  | { parts: readonly Uint8Array[]; text?: undefined; bytes?: undefined }
)): FeedFile {
  let joined = parts === undefined ? (bytes ?? Buffer.from(text, 'utf8')) : undefined;
  const body = () => (joined ??= Buffer.concat(parts!));
  let joining: Promise<void> | undefined;
  const joinInSlices = async () => {
    const whole = Buffer.allocUnsafe(byteLength);
    let at = 0;
    let sliceEnd = JOIN_SLICE_BYTES;
    for (const part of parts!) {
      // (Read at once meanwhile: nothing left to do.)
      if (joined !== undefined) return;
      whole.set(part, at);
      at += part.byteLength;
      if (at >= sliceEnd) {
        await new Promise((done) => setImmediate(done));
        sliceEnd = at + JOIN_SLICE_BYTES;
      }
    }
    joined ??= whole;
  };
  const byteLength =
    joined?.byteLength ?? parts!.reduce((total, part) => total + part.byteLength, 0);
  const cache: Partial<Record<ContentEncoding, Uint8Array>> = {};
  let tag = etag;
  const pending = new Set<ContentEncoding>();
  return {
    path,
    contentType,
    get body() {
      return body();
    },
    ...(parts === undefined ? {} : { parts: () => (joined === undefined ? parts : [joined]) }),
    get joined() {
      return joined !== undefined;
    },
    joinInSlices: () => (joined !== undefined ? Promise.resolve() : (joining ??= joinInSlices())),
    // Made when first asked: a server asked for a few documents need not tag all 3,450.
    get etag() {
      tag ??= strongEtag(parts ?? [body()]);
      return tag;
    },
    lastModified,
    encoded(encoding) {
      cache[encoding] ??= compress(body(), encoding);
      return cache[encoding];
    },
    encodedIfReady(encoding) {
      if (cache[encoding] !== undefined || byteLength < ASYNC_COMPRESSION_BYTES) {
        return this.encoded(encoding);
      }
      if (!pending.has(encoding)) {
        pending.add(encoding);
        compressInBackground(body(), encoding, (bytes) => (cache[encoding] ??= bytes));
      }
      return undefined;
    },
  };
}
