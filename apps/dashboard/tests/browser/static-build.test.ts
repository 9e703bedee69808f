import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBriefing, makeTempDir, writeFiles } from '@briefing/schema/testing';
import { briefingToYaml } from '@briefing/schema/node';
import { launchChromium } from './chromium.js';
import { freePort } from './server.js';
import { NEWEST, VOSTOCHNY } from './seed-titles.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(packageDir, 'build-static');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.atom': 'application/atom+xml',
  '.txt': 'text/plain; charset=utf-8',
};

let server: Server;
let baseUrl: string;
let browser: Browser;

// What a plain static host does: files as they are, `x` served from `x.html`, queries ignored.
function serveStatic(): Promise<string> {
  return freePort().then(
    (port) =>
      new Promise((resolve) => {
        server = createServer(async (request, response) => {
          const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname));
          for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
            try {
              const body = await readFile(join(outDir, candidate));
              response.writeHead(200, {
                'content-type': TYPES[extname(candidate)] ?? 'application/octet-stream',
              });
              response.end(body);
              return;
            } catch {
              // try the next candidate
            }
          }
          response.writeHead(404).end('not found');
        });
        server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${port}`));
      }),
  );
}

// vite's own entry, run on this process's Node (npx would pick whichever node is on PATH).
const VITE = join(
  dirname(createRequire(import.meta.url).resolve('vite/package.json')),
  'bin',
  'vite.js',
);

beforeAll(async () => {
  const build = spawnSync(process.execPath, [VITE, 'build'], {
    cwd: packageDir,
    env: { ...process.env, BRIEFING_ADAPTER: 'static' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`static build failed:\n${build.stdout}\n${build.stderr}`);
  baseUrl = await serveStatic();
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the static build', () => {
  it('prerenders every page and the feeds', async () => {
    for (const path of [
      '/',
      '/briefings',
      '/briefings/lavrov-pyongyang-2023-10',
      '/themes/space',
      '/feeds',
    ]) {
      expect((await fetch(`${baseUrl}${path}`)).status, path).toBe(200);
    }
    const feed = await fetch(`${baseUrl}/feeds/themes/space.atom`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Vostochny');
    expect((await fetch(`${baseUrl}/feeds/feeds.opml`)).status).toBe(200);
    expect(await (await fetch(`${baseUrl}/briefing.schema.json`)).json()).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
    });
    const brief = await fetch(`${baseUrl}/documents/000_de4160cc50d9890e.txt`);
    expect(brief.status).toBe(200);
    expect(await brief.text()).toContain('Lavrov');
  });

  it('builds from records that cite no document', async () => {
    const data = await makeTempDir('static-no-documents-');
    try {
      await writeFiles({
        dir: data.dir,
        files: { 'plain-record.yaml': briefingToYaml(makeBriefing({ id: 'plain-record' })) },
      });
      const out = join(data.dir, 'site');
      const build = spawnSync(process.execPath, [VITE, 'build'], {
        cwd: packageDir,
        env: {
          ...process.env,
          BRIEFING_ADAPTER: 'static',
          BRIEFING_DATA: data.dir,
          BRIEFING_STATIC_OUT: out,
        },
        encoding: 'utf8',
      });
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      expect(existsSync(join(out, 'briefings', 'plain-record.html'))).toBe(true);
    } finally {
      await data.remove();
    }
  }, 300_000);

  it('filters the list in the browser, from the URL and from the form', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/briefings?theme=space`);
    const titles = () =>
      page.locator('main ol.briefings h3 a, main ol.briefings ul.legs a').allTextContents();
    // The static page is the whole list; the browser filters it once the page is live.
    await page.waitForSelector('form.filters[data-ready]');
    await expect.poll(titles, { timeout: 10_000 }).toContain(VOSTOCHNY);
    await expect.poll(titles).not.toContain(NEWEST);
    await page.getByRole('checkbox', { name: 'Space' }).uncheck();
    await page.waitForURL(`${baseUrl}/briefings`);
    await expect.poll(titles).toContain(NEWEST);
    await page.close();
  });
});
