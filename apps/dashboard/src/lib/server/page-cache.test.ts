import { describe, expect, it } from 'vitest';
import { brotliDecompressSync } from 'node:zlib';
import {
  PageCache,
  isCacheablePage,
  pageKey,
  storedResponse,
  storePage,
  type PageKey,
} from './page-cache.js';

const get = (path: string, method = 'GET') =>
  [new Request(`http://x${path}`, { method }), new URL(`http://x${path}`)] as const;

describe('isCacheablePage', () => {
  it.each([
    ['/', true],
    ['/feeds', true],
    ['/themes/space', true],
    ['/briefings/lavrov-pyongyang-2023-10', true],
    ['/briefings', true],
    ['/briefings?theme=space', true],
    ['/actors/sergei-lavrov', true],
    ['/network?theme=defense', true],
    ['/feeds/all.atom', false],
    ['/briefings.csv', false],
    ['/briefings/__data.json', false],
  ])('%s → %s', (path, expected) => {
    expect(isCacheablePage(...get(path))).toBe(expected);
  });

  it('answers only GET and HEAD requests', () => {
    expect(isCacheablePage(...get('/', 'HEAD'))).toBe(true);
    expect(isCacheablePage(...get('/', 'POST'))).toBe(false);
  });
});

describe('stored pages', () => {
  const html = '<p>Lavrov visits Pyongyang</p>'.repeat(100);
  const stored = () =>
    storePage(new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
  const ask = (headers: Record<string, string> = {}, method = 'GET') =>
    new Request('http://127.0.0.1/', { method, headers });

  it('give each request its own copy, in the coding it accepts, compressed once', async () => {
    const page = await stored();
    const plain = storedResponse({ page, request: ask() });
    expect(await plain.text()).toBe(html);
    expect(await storedResponse({ page, request: ask() }).text()).toBe(html);
    const br = storedResponse({ page, request: ask({ 'accept-encoding': 'br, gzip' }) });
    expect(br.headers.get('content-encoding')).toBe('br');
    const bytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(bytes).toString()).toBe(html);
    expect(page.coded.br).toEqual(bytes);
  });

  it('answer 304 to the ETag of the coding the client holds, and HEAD without a body', async () => {
    const page = await stored();
    const first = storedResponse({ page, request: ask({ 'accept-encoding': 'gzip' }) });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/-gzip"$/);
    const again = ask({ 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(storedResponse({ page, request: again }).status).toBe(304);
    // The identity bytes are another representation: no 304 for the gzip tag.
    expect(storedResponse({ page, request: ask({ 'if-none-match': etag }) }).status).toBe(200);
    const head = storedResponse({ page, request: ask({}, 'HEAD') });
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
    expect(await head.text()).toBe('');
  });

  it('are dropped, least recently used first, when the cache is full', async () => {
    const cache = new PageCache({ maxEntries: 2 });
    const page = await stored();
    const key = (path: string) => pageKey({ dataVersion: 1, url: new URL(`http://x${path}`) });
    cache.set(key('/a'), page);
    cache.set(key('/b'), page);
    cache.get(key('/a'));
    cache.set(key('/c'), page);
    expect(cache.get(key('/b'))).toBeUndefined();
    expect(cache.get(key('/a'))).toBe(page);
  });

  it('are dropped, all of them, once a page of a newer data version or day is kept', async () => {
    const cache = new PageCache();
    const page = await stored();
    const at = (dataVersion: number, path: string, day = '2026-12-05'): PageKey => ({
      day,
      dataVersion,
      id: `${day} ${dataVersion} ${path}`,
    });
    cache.set(at(1, '/'), page);
    cache.set(at(1, '/actors'), page);
    cache.set(at(2, '/'), page);
    expect(cache.size).toBe(1);
    expect(cache.get(at(1, '/actors'))).toBeUndefined();
    expect(cache.get(at(2, '/'))).toBe(page);
    // A page of an earlier version, kept late, neither stays nor drops the newer pages.
    cache.set(at(1, '/network'), page);
    expect(cache.get(at(1, '/network'))).toBeUndefined();
    expect(cache.get(at(2, '/'))).toBe(page);
    // The next day, pages show another date: the same version's pages of the day before go.
    cache.set(at(2, '/', '2026-12-06'), page);
    expect(cache.size).toBe(1);
    expect(cache.get(at(2, '/'))).toBeUndefined();
  });
});
