import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('a record page', () => {
  it('links every source with a safe rel, and lists related records both ways', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/briefings/lavrov-pyongyang-2023-10`);
    const sources = page.locator('ol.sources a:not([href^="/documents/"])');
    expect(await sources.count()).toBeGreaterThanOrEqual(2);
    for (const link of await sources.all()) {
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(await sources.first().getAttribute('href')).toBe(
      'https://en.people.cn/n3/2023/1020/c90000-20086935.html',
    );
    // Every web source also links its archived copy, nearest its publication day (20 Oct 2023).
    const archived = page.locator('ol.sources a:text("Archived copy")');
    expect(await archived.count()).toBeGreaterThanOrEqual(2);
    expect(await archived.first().getAttribute('href')).toBe(
      'https://web.archive.org/web/20231020/https://en.people.cn/n3/2023/1020/c90000-20086935.html',
    );
    const related = await page.locator('h2:text-is("Related records") + ul').textContent();
    expect(related).toContain('Announced by');
    const announcement = await browser.newPage();
    await announcement.goto(`${baseUrl}/briefings/lavrov-pyongyang-visit-announced-2023-10`);
    expect(
      await announcement.locator('h2:text-is("Related records") + ul').textContent(),
    ).toContain('Lavrov visits Pyongyang');
    await announcement.close();
    await page.close();
  });

  it('links a cited document, which the site serves as plain text', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/briefings/lavrov-pyongyang-2023-10`);
    const link = page.locator('ol.sources a[href^="/documents/"]');
    expect(await link.textContent()).toBe('seeds/documents/000_de4160cc50d9890e.txt');
    const documentUrl = `${baseUrl}/documents/000_de4160cc50d9890e.txt`;
    // Wait for the document's own response: the page's icon may answer first.
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.url() === documentUrl),
      link.click(),
    ]);
    expect(page.url()).toBe(documentUrl);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['content-security-policy']).toContain('sandbox');
    expect(await page.locator('body').textContent()).toContain('Lavrov');
    const missing = await fetch(`${baseUrl}/documents/nope.txt`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(missing.headers.get('content-security-policy')).toContain('sandbox');
    expect(
      (await fetch(`${baseUrl}/documents/..%2Fbriefings%2Flavrov-pyongyang-2023-10.yaml`)).status,
    ).toBe(404);
    await page.close();
  });

  it('shows the status and revision history and the feeds of its themes', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/briefings/lavrov-pyongyang-2023-10`);
    expect(await page.locator('h2:text-is("Status history") + ol').textContent()).toContain(
      'Announced',
    );
    expect(await page.locator('h2:text-is("Revision history")').count()).toBe(1);
    expect(await page.locator('a[href="/feeds/themes/diplomacy.atom"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it.each(['America/Los_Angeles', 'Asia/Pyongyang'])(
    'shows the same calendar days in %s',
    async (timezoneId) => {
      const context = await browser.newContext({ timezoneId });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/briefings/lavrov-pyongyang-2023-10`);
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
        timezoneId,
      );
      expect(await page.locator('p.lead').textContent()).toContain('18–19 Oct 2023');
      await page.goto(`${baseUrl}/briefings?q=Lavrov+visits+Pyongyang`);
      expect(await page.locator('ol.briefings').textContent()).toContain('18–19 Oct 2023');
      await context.close();
    },
  );

  it('answers an unknown id with a 404 page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}/briefings/no-such-record`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Not found');
    const theme = await page.goto(`${baseUrl}/themes/astrology`);
    expect(theme?.status()).toBe(404);
    await page.close();
  });
});

describe('a theme page', () => {
  it('describes the theme, draws its timeline and advertises its feeds', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/themes/space`);
    expect(await page.locator('h1').textContent()).toContain('Space');
    expect(await page.locator('svg a.mark').count()).toBeGreaterThan(0);
    expect(
      await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href'),
    ).toBe('/feeds/themes/space.atom');
    expect(await page.locator('ol.briefings').textContent()).toContain('Vostochny');
    await page.close();
  });
});
