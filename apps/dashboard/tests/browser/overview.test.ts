import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { VOSTOCHNY } from './seed-titles.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${baseUrl}/`);
});
afterAll(() => browser?.close());

describe('overview', () => {
  it('shows the headline counts', async () => {
    const engagements = await page.locator('dt:text-is("Engagements") + dd').textContent();
    expect(Number(engagements?.trim())).toBeGreaterThan(30);
  });

  it('draws the timeline with a mark per record and theme, and a table of every record', async () => {
    const section = page.locator('section[aria-labelledby="timeline-heading"]');
    const marks = await section.locator('svg.chart a.mark').count();
    const rows = await section.locator('details table tbody tr').count();
    expect(rows).toBeGreaterThan(30);
    expect(marks).toBeGreaterThanOrEqual(rows);
    await expect.poll(() => section.locator('details table').textContent()).toContain(VOSTOCHNY);
  });

  it('counts the Sep 2023 trip once, with its legs listed under it', async () => {
    const table = page.locator('section[aria-labelledby="timeline-heading"] details table');
    const trip = table.locator('tbody tr', { hasText: "Kim Jong Un's trip to Russia" });
    expect(await trip.count()).toBe(1);
    expect(await trip.locator('ul.legs').textContent()).toContain(VOSTOCHNY);
    const rowTitles = await table.locator('tbody tr > td > a').allTextContents();
    expect(rowTitles).not.toContain(VOSTOCHNY);
    expect(await page.locator('p.counting').textContent()).toMatch(
      /counts engagements: a trip with its legs.*\(\d+ engagements from \d+ records\)/s,
    );
  });

  it('draws the heatmap with cells linking to the filtered list, and its table', async () => {
    const section = page.locator('section[aria-labelledby="heatmap-heading"]');
    const cells = section.locator('svg.chart a');
    expect(await cells.count()).toBeGreaterThan(10);
    const spaceCell = section.locator('svg.chart a[href*="theme=space&from=2023-01-01"]');
    const label = await spaceCell.getAttribute('aria-label');
    // 25 years of data: the heatmap's columns are years.
    expect(label).toMatch(/^Space, 2023: \d+ engagements?$/);
    // And it says so, counting what the page counts.
    expect(await section.locator('figcaption').textContent()).toContain(
      'Engagements per theme and year',
    );
    expect(await section.locator('svg.chart title').first().textContent()).toBe(
      'Engagements per theme and year',
    );
    expect(await section.locator('details table tbody tr').count()).toBeGreaterThan(5);
    await spaceCell.click();
    await page.waitForURL(/\/briefings\?theme=space&from=2023-01-01&to=2023-12-31$/);
    await expect.poll(() => page.locator('main ol').first().textContent()).toContain('Vostochny');
    await page.goBack();
  });

  it('draws the map with a circle per located place, and a list of places', async () => {
    const section = page.locator('section[aria-labelledby="map-heading"]');
    expect(await section.locator('svg path').count()).toBeGreaterThan(5);
    expect(await section.locator('svg circle').count()).toBeGreaterThan(3);
    const list = await section.locator('details ul').textContent();
    expect(list).toContain('Pyongyang');
    expect(list).toContain('Vostochny');
    // The sites in Vladivostok share the city's circle, instead of hiding under it.
    const titles = await section.locator('svg.chart circle title').allTextContents();
    const vladivostok = titles.filter((title) => title.startsWith('Vladivostok'));
    expect(vladivostok).toHaveLength(1);
    expect(vladivostok[0]).toContain('Russky Island');
    expect(titles.some((title) => title.startsWith('Russky Island'))).toBe(false);
    expect(
      await section.locator('svg.chart text', { hasText: /^Vladivostok \(\d+\)$/ }).count(),
    ).toBe(1);
  });

  it('says that no engagement is announced and shows the latest announced ones', async () => {
    const section = page.locator('section[aria-labelledby="upcoming-heading"]');
    expect(await section.textContent()).toMatch(/No upcoming engagement has been announced/);
    expect(await section.locator('li a').count()).toBeGreaterThan(0);
  });

  it('lists the latest updates', async () => {
    const section = page.locator('section[aria-labelledby="updates-heading"]');
    expect(await section.locator('ol > li').count()).toBe(5);
  });

  it('ships no JavaScript: the charts are server-rendered', async () => {
    const fresh = await browser.newPage();
    const scripts: string[] = [];
    fresh.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await fresh.goto(`${baseUrl}/`);
    expect(scripts).toEqual([]);
    await fresh.close();
  });
});
