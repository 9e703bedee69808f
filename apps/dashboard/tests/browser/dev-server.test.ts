import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { startServer, viteDev, type RunningServer } from './server.js';
import { VOSTOCHNY } from './seed-titles.js';

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  browser = await launchChromium();
  // The first requests compile every module: give it time on a slow machine.
  server = await startServer({ args: viteDev, timeoutMs: 90_000 });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the development server (pnpm dev)', () => {
  it('serves the pages and the feeds', async () => {
    for (const path of [
      '/',
      '/briefings',
      '/briefings/lavrov-pyongyang-2023-10',
      '/feeds/all.atom',
    ]) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
    }
  }, 120_000);

  it('filters the list instantly, with no error in the browser', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.url}/briefings`);
    await page.waitForSelector('form.filters[data-ready]');
    await page.getByRole('checkbox', { name: 'Space' }).check();
    await page.waitForURL(/\?theme=space$/);
    await expect
      .poll(() =>
        page.locator('main ol.briefings h3 a, main ol.briefings ul.legs a').allTextContents(),
      )
      .toContain(VOSTOCHNY);
    expect(errors).toEqual([]);
    await page.close();
  });
});
