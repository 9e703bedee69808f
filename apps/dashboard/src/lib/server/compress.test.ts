import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressResponse } from './compress.js';

const page =
  '<!doctype html><title>Briefings</title>' + '<p>Lavrov visits Pyongyang</p>'.repeat(200);

function request(acceptEncoding: string | undefined, method = 'GET'): Request {
  const headers = acceptEncoding === undefined ? undefined : { 'accept-encoding': acceptEncoding };
  return new Request('http://127.0.0.1/briefings', { method, headers });
}

const html = () => new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } });

describe('compressResponse', () => {
  it.each([
    ['br', (bytes: Buffer) => brotliDecompressSync(bytes)],
    ['gzip', (bytes: Buffer) => gunzipSync(bytes)],
  ])(
    'sends %s to a client that accepts it, and the page decodes unchanged',
    async (coding, decode) => {
      const response = await compressResponse({ request: request(coding), response: html() });
      expect(response.headers.get('content-encoding')).toBe(coding);
      expect(response.headers.get('vary')).toContain('Accept-Encoding');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.byteLength).toBeLessThan(page.length / 4);
      expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength);
      expect(decode(bytes).toString()).toBe(page);
    },
  );

  it('sends the page as it is, varying on Accept-Encoding, to a client that accepts no coding', async () => {
    const response = await compressResponse({ request: request(undefined), response: html() });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    expect(await response.text()).toBe(page);
  });

  it('leaves images and already-encoded bodies alone', async () => {
    const image = new Response('GIF89a', { headers: { 'content-type': 'image/gif' } });
    expect(await compressResponse({ request: request('br'), response: image })).toBe(image);
    const encoded = new Response('x', {
      headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' },
    });
    expect(await compressResponse({ request: request('br'), response: encoded })).toBe(encoded);
  });
});

describe('compressResponse and ETags', () => {
  const tagged = () =>
    new Response(page, {
      headers: { 'content-type': 'text/html; charset=utf-8', etag: '"a8ga8d"' },
    });
  const conditional = (acceptEncoding: string, ifNoneMatch: string) =>
    new Request('http://127.0.0.1/', {
      headers: { 'accept-encoding': acceptEncoding, 'if-none-match': ifNoneMatch },
    });

  it('gives each content coding its own strong ETag', async () => {
    const br = await compressResponse({ request: request('br'), response: tagged() });
    const identity = await compressResponse({ request: request(undefined), response: tagged() });
    expect(br.headers.get('etag')).toBe('"a8ga8d-br"');
    expect(identity.headers.get('etag')).toBe('"a8ga8d"');
  });

  it('answers HEAD with the headers of GET and no body, and 304 to a held tag', async () => {
    const head = (headers: Record<string, string>) =>
      new Request('http://127.0.0.1/', { method: 'HEAD', headers });
    const response = await compressResponse({
      request: head({ 'accept-encoding': 'br' }),
      response: tagged(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"a8ga8d-br"');
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    expect(await response.text()).toBe('');
    const held = await compressResponse({
      request: head({ 'accept-encoding': 'br', 'if-none-match': '"a8ga8d-br"' }),
      response: tagged(),
    });
    expect(held.status).toBe(304);
  });

  it.each([
    ['a list holding the tag', '"other", "a8ga8d-br"'],
    ['the weak form of the tag', 'W/"a8ga8d-br"'],
    ['any tag', '*'],
  ])('answers 304 to %s', async (_name, ifNoneMatch) => {
    const response = await compressResponse({
      request: conditional('br', ifNoneMatch),
      response: tagged(),
    });
    expect(response.status).toBe(304);
  });

  it('answers 304 for the bytes the client holds, and 200 for other bytes', async () => {
    const held = await compressResponse({
      request: conditional('br', '"a8ga8d-br"'),
      response: tagged(),
    });
    expect(held.status).toBe(304);
    expect(held.headers.get('etag')).toBe('"a8ga8d-br"');
    expect(held.headers.get('vary')).toContain('Accept-Encoding');
    expect(await held.text()).toBe('');
    // It holds the identity bytes but now asks for brotli: those are other bytes.
    const other = await compressResponse({
      request: conditional('br', '"a8ga8d"'),
      response: tagged(),
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('content-encoding')).toBe('br');
  });
});
