import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** The tick labels of the timeline. */
async function tickLabels(page: Page): Promise<string[]> {
  return page
    .locator('figure.timeline svg text.tick:visible')
    .evaluateAll((texts) => texts.map((text) => text.textContent!.trim()));
}

describe('the timeline', () => {
  it.each([
    ['/themes/space', 1280],
    ['/themes/space', 375],
    ['/themes/regional-security', 1280],
    ['/themes/regional-security', 375],
    ['/', 1280],
    ['/', 375],
  ])('never repeats a tick label on %s at %i px', async (path, width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${baseUrl}${path}`);
    const labels = await tickLabels(page);
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(new Set(labels).size, labels.join(', ')).toBe(labels.length);
    await page.close();
  });

  it('opens a record from the timeline with the keyboard alone, its details shown on focus', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/themes/space`);
    const firstMark = page.locator('figure.timeline svg:visible a.mark').first();
    const href = await firstMark.getAttribute('href');
    expect(href).toMatch(/^\/briefings\/[a-z0-9-]+$/);
    // The mark's name gives its record's title and dates in full: "<title>, <dates> (<theme>)".
    const dates = /, ([^,()]+) \(Space\)$/.exec(
      (await firstMark.getAttribute('aria-label')) ?? '',
    )?.[1];
    expect(dates).toMatch(/\d{4}$/);
    // Tab from the top of the page until the focus is on a timeline mark.
    let focused = '';
    for (let step = 0; step < 40 && !focused.startsWith('mark'); step += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const active = document.activeElement;
        return active?.classList.contains('mark')
          ? `mark ${active.getAttribute('href')}`
          : (active?.tagName ?? '');
      });
    }
    expect(focused).toBe(`mark ${href}`);
    // Focus is visible: the shape takes the focus colour, and the details card shows.
    const state = await page.evaluate(() => {
      const active = document.activeElement!;
      const card = active.querySelector('.card')!;
      return {
        stroke: getComputedStyle(active.querySelector('.shape')!).stroke,
        card: getComputedStyle(card).display,
        text: card.textContent,
      };
    });
    expect(state.stroke).not.toBe('none');
    expect(state.card).not.toBe('none');
    expect(state.text).toContain(dates!);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}${href}`);
    expect(await page.locator('h1').count()).toBe(1);
    await page.close();
  });

  it('shows details on hover as well', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/themes/space`);
    const mark = page.locator('figure.timeline svg:visible a.mark').first();
    await mark.locator('.shape').hover();
    expect(await mark.locator('.card').evaluate((card) => getComputedStyle(card).display)).not.toBe(
      'none',
    );
    await page.close();
  });

  it('writes titles beside marks where they fit', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/themes/space`);
    const labels = await page.locator('figure.timeline svg:visible .mark-label').allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('charts on a 375 px phone', () => {
  it.each(['/', '/themes/space', '/actors/sergei-lavrov', '/places/pyongyang', '/network'])(
    '%s: no chart scrolls sideways and no chart label is under 12 px',
    async (path) => {
      const context = await browser.newContext({
        viewport: { width: 375, height: 800 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      await page.goto(`${baseUrl}${path}`);
      // Lay out the sections deferred with content-visibility.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: 375, height });
      const report = await page.evaluate(() => {
        const charts = [...document.querySelectorAll('main figure')];
        const wide = charts
          .flatMap((figure) => [figure, ...figure.querySelectorAll('*')])
          .filter((element) => element.getClientRects().length > 0)
          .filter((element) => {
            const box = element.getBoundingClientRect();
            return (
              box.right > document.documentElement.clientWidth + 0.5 ||
              element.scrollWidth > element.clientWidth + 1
            );
          })
          .filter((element) => !(element instanceof SVGElement && element.tagName !== 'svg'))
          .map((element) => element.tagName + '.' + element.getAttribute('class'));
        const small: string[] = [];
        let texts = 0;
        for (const text of document.querySelectorAll('main svg text')) {
          if (text.getClientRects().length === 0) continue;
          texts += 1;
          const matrix = (text as SVGTextElement).getScreenCTM()!;
          const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
          if (size < 11.95) small.push(`${text.textContent} (${size.toFixed(1)} px)`);
        }
        return {
          wide,
          small,
          texts,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(report.overflow).toBeLessThanOrEqual(0);
      expect(report.wide).toEqual([]);
      expect(report.texts).toBeGreaterThan(5);
      expect(report.small).toEqual([]);
      await context.close();
    },
  );
});
