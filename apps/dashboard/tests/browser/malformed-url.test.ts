// A request whose percent-escapes do not decode is a malformed URL: a page's or a feed's, it is
// answered 400 with the security headers, and logged in one line without a stack trace. The
// built server over HTTP, as `pnpm start` runs it, on the seed records.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** GET with the request target sent as it is (fetch would refuse or re-encode it). */
function get(target: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    request({ host: hostname, port, path: target }, (response) => {
      response.resume();
      response.once('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers }),
      );
    })
      .once('error', reject)
      .end();
  });
}

describe('a malformed URL', () => {
  const targets = [
    '/briefings/%E0%A4%A',
    '/actors/%ZZ',
    '/feeds/%E0%A4%A.atom',
    '/feeds/themes/%C3.rss',
  ];

  it.each(targets)('%s is answered 400 with the security headers', async (target) => {
    const response = await get(target);
    expect(response.status).toBe(400);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('is logged in one line each, quoting the URL, with no stack trace', async () => {
    for (const target of targets) await get(target);
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.includes('malformed'));
    for (const target of targets) {
      expect(
        lines.filter((line) => line === `400 malformed URL ${JSON.stringify(target)}`),
      ).not.toHaveLength(0);
    }
    expect(server.output()).not.toMatch(/URIError|^\s+at /m);
  });
});
