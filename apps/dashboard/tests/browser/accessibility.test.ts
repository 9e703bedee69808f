import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.js';

const baseUrl = inject('baseUrl');
const SCREENSHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

const PAGES = [
  ['overview', '/'],
  ['briefings', '/briefings'],
  ['briefings-space', '/briefings?theme=space&q=kim'],
  ['briefings-bad-params', '/briefings?theme=astrology&from=2023-02-31'],
  ['record', '/briefings/lavrov-pyongyang-2023-10'],
  ['theme', '/themes/space'],
  ['feeds', '/feeds'],
  ['actors', '/actors'],
  ['actor', '/actors/sergei-lavrov'],
  ['places', '/places'],
  ['place', '/places/pyongyang'],
  ['network', '/network'],
  ['network-filtered', '/network?theme=defense&from=2024-01-01'],
  ['not-found', '/briefings/no-such-record'],
] as const;

let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/**
 * Makes the viewport as tall as the page. List items use `content-visibility: auto`, so items
 * outside the viewport are not painted: axe could not check their contrast, nor a full-page
 * screenshot show them.
 */
async function showWholePage(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({
    width: window.innerWidth,
    height: document.documentElement.scrollHeight,
  }));
  await page.setViewportSize(size);
}

describe.each(['light', 'dark'] as const)('in the %s colour scheme', (colorScheme) => {
  it.each(PAGES)('%s (%s) has no serious or critical axe violation', async (name, path) => {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`);
    // Open every text alternative, so that its tables are checked too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await showWholePage(page);
    // Every violation with all its nodes; of the rules that pass, one node each (the passes of a
    // long page, every text's contrast among them, took a sixth of this suite's time to collect).
    const results = await new AxeBuilder({ page })
      .options({ resultTypes: ['violations'] })
      .analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        help: violation.help,
        targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
      }));
    expect(serious, `${name} in ${colorScheme}`).toEqual([]);
    await context.close();
  });
});

describe('screenshots', () => {
  it.each(PAGES)('%s (%s) at desktop and phone widths', async (name, path) => {
    for (const [device, width] of [
      ['desktop', 1280],
      ['phone', 375],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({
          viewport: { width, height: 900 },
          colorScheme,
          ...(device === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {}),
        });
        const page = await context.newPage();
        await page.goto(`${baseUrl}${path}`);
        // Nothing may stick out sideways on a phone: wide charts scroll inside their own box.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} overflows at ${width} px`).toBeLessThanOrEqual(0);
        await showWholePage(page);
        await page.screenshot({
          path: `${SCREENSHOTS}${name}-${device}-${colorScheme}.jpg`,
          quality: 85,
          fullPage: true,
        });
        await context.close();
      }
    }
  });
});
