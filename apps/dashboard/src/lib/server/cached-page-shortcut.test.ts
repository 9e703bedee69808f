import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '@briefing/present/security-headers';
import { answerFromCache } from './cached-page-shortcut.js';
import { storePage, type StoredPage } from './page-cache.js';

const html = '<p>Lavrov visits Pyongyang</p>'.repeat(100);
let page: StoredPage;
let server: Server;
let origin: string;
/** What SvelteKit would have answered: here, a marker. */
const fallback = 'not kept: SvelteKit answers';

beforeAll(async () => {
  page = await storePage(
    new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'self'",
      },
    }),
  );
  server = createServer((request, response) => {
    const find = ({ url }: { url: URL }) => (url.pathname === '/' ? page : undefined);
    if (!answerFromCache({ find, request, response })) response.end(fallback);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((done) => server.close(done)));

/** A request through node:http, as a reader sends it (fetch would decode the body, and adds
 * `cache-control: no-cache` to a conditional request). */
function ask({
  method = 'GET',
  headers = {},
}: { method?: string; headers?: Record<string, string> } = {}): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((done, fail) => {
    request(`${origin}/`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({
          status: response.statusCode!,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', fail)
      .end();
  });
}

describe('kept pages answered before SvelteKit', () => {
  it('sends the page with its headers, the security headers and an ETag per coding', async () => {
    const plain = await fetch(`${origin}/`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(await plain.text()).toBe(html);
    expect(plain.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(plain.headers.get('content-security-policy')).toBe("default-src 'self'");
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(plain.headers.get(name)).toBe(value);
    }
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(plain.headers.get('etag')).toBe(page.etag);

    const coded = await ask({ headers: { 'accept-encoding': 'br' } });
    expect(coded.headers['content-encoding']).toBe('br');
    expect(coded.headers['etag']).not.toBe(page.etag);
    expect(brotliDecompressSync(coded.body).toString()).toBe(html);
  });

  it('answers 304 to the ETag it gave, and HEAD without a body', async () => {
    const first = await ask({ headers: { 'accept-encoding': 'gzip' } });
    const etag = first.headers.etag as string;
    const again = await ask({ headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(etag);
    expect(again.body.byteLength).toBe(0);
    // fetch adds `cache-control: no-cache` to a conditional request: still a 304.
    const fetched = await fetch(`${origin}/`, {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': etag },
    });
    expect(fetched.status).toBe(304);
    const head = await ask({ method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
    expect(head.body.byteLength).toBe(0);
  });

  it('leaves other pages and other methods to SvelteKit', async () => {
    expect(await (await fetch(`${origin}/briefings`)).text()).toBe(fallback);
    expect(await (await fetch(`${origin}/`, { method: 'POST' })).text()).toBe(fallback);
  });
});
