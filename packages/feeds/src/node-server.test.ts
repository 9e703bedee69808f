import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBriefing } from '@briefing/schema/testing';
import { buildFeeds } from './build-feeds.js';
import type { FeedSet } from './build-feeds.js';
import { handleFeedRequest } from './handler.js';
import { createFeedServer } from './node-server.js';
import { close, get, listen } from './test-support/http.js';

const SITE = 'https://briefing.example.org/';
const HUB = 'https://hub.example.org/';
const first = buildFeeds({ records: [makeBriefing()], siteUrl: SITE, hubUrl: HUB });
const second = buildFeeds({
  records: [makeBriefing(), makeBriefing({ id: 'second-record', title: 'A second record' })],
  siteUrl: SITE,
  hubUrl: HUB,
});
let current: FeedSet = first;
const server = createFeedServer({ getFeeds: () => current });
let base = '';

beforeAll(async () => {
  base = await listen(server);
});
afterAll(() => close(server));

describe('the feed server before its first build', () => {
  it('answers 503 with Retry-After, not a 404 that says the feed is gone', async () => {
    const starting = createFeedServer({ getFeeds: () => undefined });
    const url = await listen(starting);
    try {
      const response = await get(`${url}/feeds/all.atom`);
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.headers['cache-control']).toBe('no-store');
    } finally {
      await close(starting);
    }
  });
});

describe('the feed server over HTTP on 127.0.0.1', () => {
  it.each([
    ['/feeds/all.rss', 'application/rss+xml; charset=utf-8'],
    ['/feeds/all.atom', 'application/atom+xml; charset=utf-8'],
    ['/feeds/all.json', 'application/feed+json; charset=utf-8'],
    ['/feeds/calendar.ics', 'text/calendar; charset=utf-8'],
    ['/feeds/feeds.opml', 'text/x-opml; charset=utf-8'],
  ])('serves %s as %s with validators, caching, Link and security headers', async (path, type) => {
    const response = await get(`${base}${path}`);
    const file = first.files.get(path)!;
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.body.equals(Buffer.from(file.body))).toBe(true);
    expect(response.headers.etag).toBe(file.etag);
    expect(response.headers.etag).toMatch(/^"[^"]+"$/);
    expect(response.headers['last-modified']).toBe(file.lastModified.toUTCString());
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers.link).toBe(
      `<${SITE}${path.slice(1)}>; rel="self", <${HUB}>; rel="hub"`,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['content-length']).toBe(String(file.body.byteLength));
  });

  it('answers 304 to If-None-Match with the ETag, and 200 to another tag', async () => {
    const { headers } = await get(`${base}/feeds/all.atom`);
    const notModified = await get(`${base}/feeds/all.atom`, {
      headers: { 'if-none-match': String(headers.etag) },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.body.byteLength).toBe(0);
    expect(notModified.headers.etag).toBe(headers.etag);
    const changed = await get(`${base}/feeds/all.atom`, {
      headers: { 'if-none-match': '"other"' },
    });
    expect(changed.status).toBe(200);
  });

  it('revalidates in full when the request says Cache-Control: no-cache', async () => {
    const etag = first.files.get('/feeds/all.atom')!.etag;
    const reload = await get(`${base}/feeds/all.atom`, {
      headers: { 'if-none-match': etag, 'cache-control': 'no-cache' },
    });
    expect(reload.status).toBe(200);
    const list = await get(`${base}/feeds/all.atom`, {
      headers: { 'if-none-match': `"x", ${etag}` },
    });
    expect(list.status).toBe(304);
  });

  it('gives 304 only for the coding whose ETag the client holds', async () => {
    const gzip = await get(`${base}/feeds/all.rss`, { headers: { 'accept-encoding': 'gzip' } });
    const again = await get(`${base}/feeds/all.rss`, {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': String(gzip.headers.etag) },
    });
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(gzip.headers.etag);
    // The gzip tag does not validate the identity bytes.
    const identity = await get(`${base}/feeds/all.rss`, {
      headers: { 'if-none-match': String(gzip.headers.etag) },
    });
    expect(identity.status).toBe(200);
  });

  it('answers 304 to If-Modified-Since at or after Last-Modified, 200 before it', async () => {
    const lastModified = first.files.get('/feeds/all.rss')!.lastModified;
    const same = await get(`${base}/feeds/all.rss`, {
      headers: { 'if-modified-since': lastModified.toUTCString() },
    });
    expect(same.status).toBe(304);
    const earlier = await get(`${base}/feeds/all.rss`, {
      headers: { 'if-modified-since': new Date(lastModified.getTime() - 1000).toUTCString() },
    });
    expect(earlier.status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await get(`${base}/feeds/all.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    expect(head.headers['content-length']).toBe(
      String(first.files.get('/feeds/all.json')!.body.byteLength),
    );
    expect(head.headers.etag).toBe(first.files.get('/feeds/all.json')!.etag);
  });

  it.each([
    ['gzip', 'gzip', gunzipSync],
    ['br', 'br', brotliDecompressSync],
    ['gzip, deflate, br', 'br', brotliDecompressSync],
    ['br;q=0.1, gzip', 'gzip', gunzipSync],
  ] as const)('compresses for Accept-Encoding %s with %s', async (accept, encoding, decode) => {
    const response = await get(`${base}/feeds/all.atom`, {
      headers: { 'accept-encoding': accept },
    });
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers.vary).toBe('Accept-Encoding');
    const etag = first.files.get('/feeds/all.atom')!.etag;
    expect(response.headers.etag).toBe(`${etag.slice(0, -1)}-${encoding}"`);
    expect(
      decode(response.body).equals(Buffer.from(first.files.get('/feeds/all.atom')!.body)),
    ).toBe(true);
  });

  it('sends identity when no coding is acceptable', async () => {
    const response = await get(`${base}/feeds/all.atom`, {
      headers: { 'accept-encoding': 'gzip;q=0, br;q=0' },
    });
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('answers an unknown path with a 404 that says where the feeds are', async () => {
    for (const path of ['/feeds/nope.rss', '/', '/feeds/themes/unknown.atom']) {
      const response = await get(`${base}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      const text = response.body.toString('utf8');
      expect(text).toContain(`No feed at ${path}.`);
      expect(text).toContain('/feeds/all.atom');
      expect(text).toContain('/feeds/feeds.opml');
    }
  });

  it('refuses other methods with 405 and Allow', async () => {
    const response = await get(`${base}/feeds/all.rss`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  it('never mixes two builds while feed sets are swapped during a stream of requests', async () => {
    const path = '/feeds/all.atom';
    const versions = [first, second].map((set) => ({
      body: Buffer.from(set.files.get(path)!.body),
      etag: set.files.get(path)!.etag,
    }));
    expect(versions[0]!.etag).not.toBe(versions[1]!.etag);
    let swapping = true;
    const swapper = (async () => {
      while (swapping) {
        current = current === first ? second : first;
        await new Promise((done) => setImmediate(done));
      }
    })();
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, index) =>
        get(`${base}${path}`, { headers: index % 2 === 0 ? { 'accept-encoding': 'gzip' } : {} }),
      ),
    );
    swapping = false;
    await swapper;
    current = first;
    const seen = new Set<string>();
    for (const response of results) {
      expect(response.status).toBe(200);
      const body =
        response.headers['content-encoding'] === 'gzip' ? gunzipSync(response.body) : response.body;
      const version = versions.find((v) => v.body.equals(body));
      expect(version, 'body equals one build exactly').toBeDefined();
      const gzip = response.headers['content-encoding'] === 'gzip';
      expect(response.headers.etag).toBe(
        gzip ? `${version!.etag.slice(0, -1)}-gzip"` : version!.etag,
      );
      seen.add(version!.etag);
    }
    expect(seen.size).toBe(2);
  });
});

describe('handleFeedRequest', () => {
  it('returns undefined outside /feeds/, so the application keeps its own routes', () => {
    for (const path of ['/', '/feeds', '/feeds/', '/briefings/x']) {
      expect(
        handleFeedRequest({ feeds: first, request: new Request(`${SITE}${path.slice(1)}`) }),
      ).toBeUndefined();
    }
  });

  it('returns a web Response with the body and a 304 for a matching ETag', async () => {
    const response = handleFeedRequest({
      feeds: first,
      request: new Request(`${SITE}feeds/all.rss`),
    })!;
    expect(response.status).toBe(200);
    expect(
      Buffer.from(await response.arrayBuffer()).equals(
        Buffer.from(first.files.get('/feeds/all.rss')!.body),
      ),
    ).toBe(true);
    const etag = response.headers.get('etag')!;
    const again = handleFeedRequest({
      feeds: first,
      request: new Request(`${SITE}feeds/all.rss`, { headers: { 'if-none-match': etag } }),
    })!;
    expect(again.status).toBe(304);
  });

  it('answers a malformed URL under /feeds/ with 400 and the security headers, as the server does', async () => {
    for (const path of ['feeds/%E0%A4%A.atom', 'feeds/%ZZ', 'feeds/themes/%C3.rss']) {
      const response = handleFeedRequest({ feeds: first, request: new Request(`${SITE}${path}`) })!;
      expect(response.status, path).toBe(400);
      expect(await response.text()).toBe('Malformed URL.\n');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // A well-formed escape of a path with no feed is still a helpful 404.
    const unknown = handleFeedRequest({
      feeds: first,
      request: new Request(`${SITE}feeds/%C3%A9.atom`),
    })!;
    expect(unknown.status).toBe(404);
  });
});

describe('the feed server with a document that needs long work first', () => {
  it('answers it once whenReady settles, and other requests meanwhile', async () => {
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    let settled = false;
    void gate.then(() => (settled = true));
    const waiting = createFeedServer({
      getFeeds: () => ({
        ...first,
        whenReady: (path) => (path === '/feeds/calendar.ics' && !settled ? gate : undefined),
      }),
    });
    const url = await listen(waiting);
    try {
      let answered = false;
      const calendar = get(`${url}/feeds/calendar.ics`).then((response) => {
        answered = true;
        return response;
      });
      // Several rounds of other requests while the calendar waits.
      for (let round = 0; round < 3; round++) {
        const other = await get(`${url}/feeds/all.atom`);
        expect(other.status).toBe(200);
      }
      expect(answered).toBe(false);
      release();
      const response = await calendar;
      expect(response.status).toBe(200);
      expect(response.body.equals(Buffer.from(first.files.get('/feeds/calendar.ics')!.body))).toBe(
        true,
      );
    } finally {
      await close(waiting);
    }
  });

  it('waits once: a document still not ready after that is answered all the same', async () => {
    let asked = 0;
    const restless = createFeedServer({
      getFeeds: () => ({
        ...first,
        whenReady: () => {
          asked += 1;
          return Promise.resolve();
        },
      }),
    });
    const url = await listen(restless);
    try {
      const response = await get(`${url}/feeds/calendar.ics`);
      expect(response.status).toBe(200);
      expect(asked).toBe(1);
    } finally {
      await close(restless);
    }
  });

  it('answers 500 with one log line when that work fails', async () => {
    const logged: string[] = [];
    const failing = createFeedServer({
      getFeeds: () => ({
        ...first,
        whenReady: (path) =>
          path === '/feeds/calendar.ics'
            ? Promise.reject(new Error('the index closed'))
            : undefined,
      }),
      log: (line) => logged.push(line),
    });
    const url = await listen(failing);
    try {
      const response = await get(`${url}/feeds/calendar.ics`);
      expect(response.status).toBe(500);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(logged).toEqual(['briefing-feeds: 500 for "/feeds/calendar.ics": the index closed']);
    } finally {
      await close(failing);
    }
  });
});
