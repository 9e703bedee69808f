import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { NEWEST, VOSTOCHNY } from './seed-titles.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

// Every title listed: each engagement's, and its legs' under it.
const titles = (page: Page) =>
  page.locator('main ol.briefings h3 a, main ol.briefings ul.legs a').allTextContents();
const resultCount = async (page: Page) =>
  Number((await page.locator('[role="status"]').first().textContent())?.trim().split(' ')[0]);

describe('the briefings list with JavaScript', () => {
  let page: Page;
  const consoleErrors: string[] = [];
  beforeAll(async () => {
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${baseUrl}/briefings`);
    // Wait for hydration, so that the checkboxes filter instantly.
    await page.waitForSelector('form.filters[data-ready]');
  });

  it('filters by theme at once and puts the filter in the URL', async () => {
    const total = await resultCount(page);
    expect(await titles(page)).toContain(NEWEST);
    await page.getByRole('checkbox', { name: 'Space' }).check();
    await page.waitForURL(/\?theme=space$/);
    // The URL changes at once; the results when the server's answer is in.
    await expect.poll(() => titles(page)).not.toContain(NEWEST);
    expect(await titles(page)).toContain(VOSTOCHNY);
    expect(await resultCount(page)).toBeLessThan(total);
    // Still on the same document: filtering did not reload the page.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  });

  it('keeps the filter on reload', async () => {
    await page.reload();
    expect(page.url()).toMatch(/\?theme=space$/);
    expect(await page.getByRole('checkbox', { name: 'Space' }).isChecked()).toBe(true);
    expect(await titles(page)).toContain(VOSTOCHNY);
    expect(await titles(page)).not.toContain(NEWEST);
  });

  it('goes back to the unfiltered list with the back button', async () => {
    await page.waitForLoadState('networkidle');
    await page.getByRole('checkbox', { name: 'Defense' }).check();
    await page.waitForURL(
      (url) => url.searchParams.getAll('theme').sort().join() === 'defense,space',
    );
    await page.goBack();
    await page.waitForURL(/\?theme=space$/);
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Defense' }).isChecked())
      .toBe(false);
    await page.goBack();
    await page.waitForURL(`${baseUrl}/briefings`);
    await expect.poll(() => titles(page)).toContain(NEWEST);
    expect(await page.getByRole('checkbox', { name: 'Space' }).isChecked()).toBe(false);
  });

  it('searches text as it is typed', async () => {
    await page.getByLabel('Search text').fill('cosmodrome');
    await page.waitForURL(/\?q=cosmodrome$/);
    await expect.poll(() => titles(page)).not.toContain(NEWEST);
    expect(await titles(page)).toContain(VOSTOCHNY);
    await page.getByLabel('Search text').fill('');
    await page.waitForURL(`${baseUrl}/briefings`);
  });

  it('runs without console errors or Content-Security-Policy violations', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('can be driven by the keyboard', async () => {
    await page.getByRole('checkbox', { name: 'Space' }).focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/\?theme=space$/);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      'space',
    );
  });
});

describe('counting engagements', () => {
  it('lists the Sep 2023 trip once, with its legs under it, and counts every record on request', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/briefings?from=2023-09-12&to=2023-09-17`);
    const rows = page.locator('main ol.briefings > li');
    const trip = rows.filter({ hasText: "Kim Jong Un's trip to Russia" });
    expect(await trip.count()).toBe(1);
    expect(await trip.locator('ul.legs a').allTextContents()).toContain(VOSTOCHNY);
    expect(await rows.locator('h3 a').allTextContents()).not.toContain(VOSTOCHNY);
    const engagements = await resultCount(page);
    await page.getByRole('link', { name: 'Count every record' }).click();
    await page.waitForURL(/count=records/);
    expect(await page.locator('main ol.briefings h3 a').allTextContents()).toContain(VOSTOCHNY);
    expect(await resultCount(page)).toBeGreaterThan(engagements);
    await page.close();
  });
});

describe('typing a date', () => {
  it('filters once, when the year is whole, and adds one history entry', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/briefings`);
    await page.waitForSelector('form.filters[data-ready]');
    const before = await page.evaluate(() => history.length);
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('from=')) asked.push(new URL(request.url()).search);
    });
    await page.getByLabel('From').click();
    // Month, day, then the year digit by digit: the input reports 0002, 0020, 0202 and 2024.
    await page.keyboard.type('03012024');
    await page.waitForURL(/\?from=2024-03-01$/);
    // The URL changes at once and the request follows: wait for it, or an idle network (nothing
    // asked yet) would end the wait before it starts.
    await expect.poll(() => asked.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual(['?from=2024-03-01']);
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
    await context.close();
  });
});

describe('the briefings list when answers come out of order', () => {
  it('shows the newest filter, never a slower earlier answer', async () => {
    const expected = await browser.newPage();
    await expected.goto(`${baseUrl}/briefings?q=cosmodrome&theme=space`);
    const newest = await titles(expected);
    await expected.close();
    const onlySpace = await fetch(`${baseUrl}/briefings.json?theme=space`);
    expect(((await onlySpace.json()) as { count: number }).count).toBeGreaterThan(newest.length);

    const page = await browser.newPage();
    await page.goto(`${baseUrl}/briefings`);
    await page.waitForSelector('form.filters[data-ready]');
    // The first filter's answer is held back until the second one has been shown.
    let releaseFirst: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    await page.route(/\/briefings\?theme=space$/, async (route) => {
      await firstHeld;
      await route.continue().catch(() => {});
    });
    await page.getByRole('checkbox', { name: 'Space' }).check();
    await page.getByLabel('Search text').fill('cosmodrome');
    await page.waitForURL(/\?q=cosmodrome&theme=space$/);
    // Generous: the live filter answers within a second, but a loaded CI machine can be slower.
    await expect.poll(() => titles(page), { timeout: 15_000 }).toEqual(newest);
    releaseFirst();
    await page.waitForTimeout(500);
    expect(await titles(page)).toEqual(newest);
    expect(await resultCount(page)).toBe(await page.locator('main ol.briefings h3 a').count());
    await page.close();
  });
});

describe('the briefings list without JavaScript', () => {
  it('filters through the GET form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/briefings`);
    await page.getByRole('checkbox', { name: 'Space' }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/briefings\?.*theme=space/);
    expect(await titles(page)).toContain(VOSTOCHNY);
    expect(await titles(page)).not.toContain(NEWEST);
    await context.close();
  });
});

describe('nonsense parameters', () => {
  it('are ignored with a visible note', async () => {
    const page = await browser.newPage();
    const huge = 'z'.repeat(5000);
    const response = await page.goto(
      `${baseUrl}/briefings?theme=astrology&from=2023-02-31&page=-1&q=${huge}`,
    );
    expect(response?.status()).toBe(200);
    const note = await page.getByRole('note').textContent();
    expect(note).toContain('Ignored theme "astrology"');
    expect(note).toContain('Ignored start date "2023-02-31"');
    expect(note).toContain('Ignored page "-1"');
    expect(note).toContain('Ignored the search text');
    expect(await titles(page)).toContain(NEWEST);
    await page.close();
  });

  it('show the last page for a page past the end', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/briefings?page=999`);
    expect(await page.getByRole('note').textContent()).toContain('There is no page 999');
    expect((await titles(page)).length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('exports', () => {
  it('gives the filtered records as CSV and JSON', async () => {
    const csv = await fetch(`${baseUrl}/briefings.csv?theme=space`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toMatch(/^id,title,date,/);
    expect(text).toContain('kim-putin-vostochny-2023-09');
    expect(text).not.toContain('lavrov-pyongyang-2023-10');
    const json = (await (await fetch(`${baseUrl}/briefings.json?theme=space`)).json()) as {
      count: number;
      records: { id: string }[];
    };
    expect(json.records.map((r) => r.id)).toContain('kim-putin-vostochny-2023-09');
    expect(json.count).toBe(json.records.length);
  });

  it('say what period the data covers and when it was last updated', async () => {
    const csv = await fetch(`${baseUrl}/briefings.csv`);
    expect(csv.headers.get('content-disposition')).toMatch(
      /filename="briefings-2000-\d\d-\d\d-to-\d{4}-\d\d-\d\d-updated-\d{4}-\d\d-\d\d\.csv"/,
    );
    const json = (await (await fetch(`${baseUrl}/briefings.json?theme=space`)).json()) as {
      coverage: { from: string; to: string; updated: string };
    };
    // The coverage is the whole data set's, whatever the filter.
    expect(json.coverage.from).toMatch(/^2000-/);
    expect(json.coverage.updated >= json.coverage.to.slice(0, 4)).toBe(true);
  });
});
