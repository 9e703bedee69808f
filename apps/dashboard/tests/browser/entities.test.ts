import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(() => browser?.close());

describe("an actor's page", () => {
  it("lists Lavrov's 2023–2025 engagements, his offices and his counterparts", async () => {
    await page.goto(`${baseUrl}/actors/sergei-lavrov`);
    expect(await page.locator('h1').textContent()).toBe('Sergei Lavrov');
    const titles = await page.locator('ol.briefings h3').allTextContents();
    expect(titles.map((title) => title.trim())).toEqual(
      expect.arrayContaining([
        'Lavrov visits Pyongyang',
        'Lavrov and Choe Son Hui meet in Moscow',
        "Lavrov visits Wonsan-Kalma for the foreign ministers' strategic dialogue",
      ]),
    );
    const years = await page.locator('ol.briefings .date').allTextContents();
    for (const year of ['2023', '2024', '2025']) {
      expect(years.some((date) => date.includes(year))).toBe(true);
    }
    const offices = page.locator('section[aria-labelledby="offices-heading"] tbody th');
    expect(await offices.allTextContents()).toContain('Minister of Foreign Affairs');
    const counterparts = page.locator('section[aria-labelledby="counterparts-heading"] tbody tr');
    const rows = await counterparts.allTextContents();
    expect(rows[0]).toMatch(/Choe Son Hui\s*North Korea\s*\d+/);
    expect(rows.some((row) => row.includes('Kim Jong Un'))).toBe(true);
    await counterparts.first().locator('a').click();
    await page.waitForURL(/\/actors\/choe-son-hui$/);
  });

  it.each(['lavrov', 'sergey-lavrov', 'Лавров', '라브로프'])(
    'is reached from another spelling or script (%s)',
    async (alias) => {
      const response = await page.goto(`${baseUrl}/actors/${encodeURIComponent(alias)}`);
      expect(response?.status()).toBe(200);
      expect(page.url()).toBe(`${baseUrl}/actors/sergei-lavrov`);
    },
  );

  it('is found by a search in another script on the list of actors', async () => {
    await page.goto(`${baseUrl}/actors`);
    await page.getByLabel('Find a name').fill('라브로프');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/\/actors\?q=/);
    expect(await page.locator('ul.entities li').allTextContents()).toEqual([
      expect.stringContaining('Sergei Lavrov'),
    ]);
  });

  it('has an Atom feed of its records, advertised on the page', async () => {
    await page.goto(`${baseUrl}/actors/sergei-lavrov`);
    const onPage = await page.locator('ol.briefings > li').count();
    const href = await page
      .locator('link[rel="alternate"][type="application/atom+xml"]')
      .getAttribute('href');
    expect(href).toBe('/feeds/actors/sergei-lavrov.atom');
    const response = await fetch(`${baseUrl}${href}`);
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await response.text();
    // His records, newest update first, as many as a feed holds.
    expect(onPage).toBeGreaterThan(5);
    expect(xml.match(/<entry>/g)).toHaveLength(Math.min(onPage, 50));
    expect(xml).toContain('<title>Russia–DPRK briefings: Sergei Lavrov</title>');
    const etag = response.headers.get('etag')!;
    const again = await fetch(`${baseUrl}${href}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});

describe('names linked to their pages', () => {
  it("opens an actor's page from a record page, and a place's page from the list", async () => {
    await page.goto(`${baseUrl}/briefings/lavrov-pyongyang-2023-10`);
    await page.getByRole('link', { name: 'Sergei Lavrov', exact: true }).click();
    await page.waitForURL(/\/actors\/sergei-lavrov$/);
    expect(await page.locator('h1').textContent()).toBe('Sergei Lavrov');

    await page.goto(`${baseUrl}/briefings?q=Lavrov+visits+Pyongyang`);
    await page
      .locator('ol.briefings .meta')
      .getByRole('link', { name: 'Pyongyang' })
      .first()
      .click();
    await page.waitForURL(/\/places\/pyongyang$/);
    expect(await page.locator('h1').textContent()).toBe('Pyongyang');
  });
});

describe("a place's page", () => {
  it('lists the engagements at the place and who took part', async () => {
    await page.goto(`${baseUrl}/places/pyongyang`);
    expect(await page.locator('h1').textContent()).toBe('Pyongyang');
    expect(await page.locator('ol.briefings > li').count()).toBeGreaterThan(10);
    expect(await page.locator('table.actors tbody').textContent()).toContain('Kim Jong Un');
  });
});

describe('a place', () => {
  it.each([
    ['Пхеньян', 'pyongyang'],
    ['평양', 'pyongyang'],
    ['rajin', 'rason'],
    ['khasan-primorsky-krai', 'khasan'],
  ])('is reached from another spelling or script (%s)', async (alias, slug) => {
    const response = await page.goto(`${baseUrl}/places/${encodeURIComponent(alias)}`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${baseUrl}/places/${slug}`);
  });

  it('is found by a search in another script on the list of places', async () => {
    await page.goto(`${baseUrl}/places?q=${encodeURIComponent('Владивосток')}`);
    expect(await page.locator('ul.entities li').allTextContents()).toEqual([
      expect.stringContaining('Vladivostok'),
    ]);
  });
});

describe('the search', () => {
  it.each(['Лавров', '라브로프', 'Sergey Lavrov'])(
    'finds Lavrov\'s records for "%s"',
    async (q) => {
      await page.goto(`${baseUrl}/briefings?q=${encodeURIComponent(q)}`);
      const titles = await page.locator('main ol h3, main ol h2').allTextContents();
      expect(titles.length).toBeGreaterThanOrEqual(8);
      expect(titles.map((title) => title.trim())).toContain('Lavrov visits Pyongyang');
    },
  );
});

describe('the network', () => {
  it('draws a line per pair and its table lists the same pairs and counts', async () => {
    await page.goto(`${baseUrl}/network`);
    const chart = page.locator('svg.chart');
    const lines = await chart.locator('line.link').evaluateAll((elements) =>
      elements.map((line) => ({
        title: line.querySelector('title')!.textContent!,
        count: Number(line.getAttribute('data-count')),
      })),
    );
    const rows = await page.locator('table.links tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        names: [...row.querySelectorAll('a')].map((a) => a.textContent!.trim()).sort(),
        count: Number(row.querySelector('td.number')!.textContent),
      })),
    );
    expect(lines.length).toBeGreaterThan(10);
    expect(rows).toHaveLength(lines.length);
    const fromLines = lines
      .map(({ title, count }) => ({
        names: title
          .split(':')[0]!
          .split(' – ')
          .map((name) => name.trim())
          .sort(),
        count,
      }))
      .map((entry) => JSON.stringify(entry))
      .sort();
    expect(rows.map((entry) => JSON.stringify(entry)).sort()).toEqual(fromLines);
    expect(rows.some((row) => row.names.join() === 'Choe Son Hui,Sergei Lavrov')).toBe(true);
  });

  it('filters by theme and period with a plain form, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${baseUrl}/network`);
    const all = await plain.locator('table.links tbody tr').count();
    await plain.locator('select[name="theme"]').selectOption('defense');
    await plain.locator('input[name="from"]').fill('2024-01-01');
    await plain.getByRole('button', { name: 'Show' }).click();
    await plain.waitForURL(/\/network\?theme=defense&from=2024-01-01/);
    const filtered = await plain.locator('table.links tbody tr').count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    expect(await plain.locator('main').textContent()).toContain('Defense, from 2024-01-01');
    await context.close();
  });
});
