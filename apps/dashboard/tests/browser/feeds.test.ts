import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RECORD_SCHEMA_PATH, SITE_NAME } from '@briefing/present/urls';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { launchChromium } from './chromium.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('feeds', () => {
  it('every page advertises the feeds, and the advertised Atom feed parses', async () => {
    const page = await browser.newPage();
    for (const path of ['/', '/briefings', '/feeds', '/briefings/lavrov-pyongyang-2023-10']) {
      await page.goto(`${baseUrl}${path}`);
      for (const type of ['application/atom+xml', 'application/rss+xml', 'application/feed+json']) {
        expect(await page.locator(`head link[rel="alternate"][type="${type}"]`).count()).toBe(1);
      }
    }
    const href = await page.locator('head link[type="application/atom+xml"]').getAttribute('href');
    const response = await page.goto(new URL(href!, baseUrl).href);
    expect(response?.headers()['content-type']).toMatch(/^application\/atom\+xml/);
    const xml = await response!.text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.localName,
        entries: doc.getElementsByTagName('entry').length,
      };
    }, xml);
    expect(parsed).toEqual({ error: 0, root: 'feed', entries: expect.any(Number) });
    expect(parsed.entries).toBeGreaterThan(0);
    await page.close();
  });

  it('without SITE_URL, the feeds link to the port the server listens on', async () => {
    const port = new URL(baseUrl).port;
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}/feeds/all.atom`);
    const links = await page.evaluate(
      (text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const feed = doc.documentElement;
        return {
          self: feed.querySelector(':scope > link[rel="self"]')?.getAttribute('href'),
          entry: feed.querySelector('entry > link')?.getAttribute('href'),
        };
      },
      await response!.text(),
    );
    expect(links.self).toBe(`http://localhost:${port}/feeds/all.atom`);
    expect(links.entry).toMatch(new RegExp(`^http://localhost:${port}/briefings/`));
    await page.close();
  });

  it('the feeds page links every feed and the OPML', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/feeds`);
    const lists = await page
      .locator('a[type="text/x-opml"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(lists).toEqual(['/feeds/feeds.opml', '/feeds/feeds-rss.opml']);
    for (const [list, format] of [
      [lists[0]!, 'atom'],
      [lists[1]!, 'rss'],
    ] as const) {
      const response = await fetch(new URL(list, baseUrl));
      expect(response.headers.get('content-type')).toBe('text/x-opml; charset=utf-8');
      const text = await response.text();
      expect(text).toContain('<opml version="2.0">');
      expect(text).toContain(`/feeds/themes/space.${format}"`);
    }
    const hrefs = await page
      .locator('main a[type="application/rss+xml"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toContain('/feeds/themes/space.rss');
    for (const href of hrefs.slice(0, 5)) {
      expect((await fetch(new URL(href!, baseUrl))).status).toBe(200);
    }
    await page.close();
  });

  it("the feeds page links the calendar and each year's, and each holds its year's events", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/feeds`);
    const calendars = await page
      .locator('a[type="text/calendar"]')
      .evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.textContent]));
    await page.close();
    expect(calendars[0]![0]).toBe('/feeds/calendar.ics');
    const years = calendars.slice(1);
    // The seeds run from 2023: a calendar for each year with an engagement, in order.
    expect(years.length).toBeGreaterThan(1);
    expect(years.map(([, year]) => year)).toEqual(years.map(([, year]) => year).sort());
    const uidsOf = (text: string) => [...text.matchAll(/^UID:(.+)$/gm)].map((match) => match[1]!);
    const current = await (await fetch(new URL('/feeds/calendar.ics', baseUrl))).text();
    const inYears: string[] = [];
    for (const [href, year] of years) {
      expect(href).toBe(`/feeds/calendar/${year}.ics`);
      const response = await fetch(new URL(href!, baseUrl));
      expect(response.status, href!).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
      const text = await response.text();
      expect(text).toContain(`X-WR-CALNAME:Russia–DPRK engagements, ${year}`);
      for (const [, start] of text.matchAll(/^DTSTART;VALUE=DATE:(\d{4})/gm)) {
        expect(start).toBe(year);
      }
      inYears.push(...uidsOf(text));
    }
    // Fewer seed records than the calendar holds: the years together hold the same events.
    expect(inYears.sort()).toEqual(uidsOf(current).sort());
    expect((await fetch(new URL('/feeds/calendar/1999.ics', baseUrl))).status).toBe(404);
  });

  it('answers a repeated request with 304 Not Modified', async () => {
    const first = await fetch(`${baseUrl}/feeds/all.atom`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await fetch(`${baseUrl}/feeds/all.atom`, {
      headers: { 'if-none-match': etag! },
    });
    expect(second.status).toBe(304);
  });
});

describe('pages and conditional requests', () => {
  // The overview comes from the page cache after its first request, a filtered list never does.
  it.each(['/', '/briefings?theme=space'])(
    '%s answers 304 for the coding the client holds',
    async (path) => {
      for (const coding of ['br', 'gzip', 'identity']) {
        const headers = { 'accept-encoding': coding };
        const first = await fetch(`${baseUrl}${path}`, { headers });
        expect(first.status).toBe(200);
        const etag = first.headers.get('etag')!;
        if (coding === 'identity') expect(etag).not.toMatch(/-(?:br|gzip)"$/);
        else expect(etag).toMatch(new RegExp(`-${coding}"$`));
        const again = await fetch(`${baseUrl}${path}`, {
          headers: { ...headers, 'if-none-match': etag },
        });
        expect(again.status).toBe(304);
        expect(again.headers.get('etag')).toBe(etag);
      }
    },
  );
});

describe('following any view', () => {
  it('gives a filtered view a feed of exactly its newest records, with 304s to its ETag', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/briefings?theme=defense&country=RUS&count=records`);
    const href = await page
      .locator('head link[rel="alternate"][type="application/atom+xml"]')
      .getAttribute('href');
    expect(href).toBe('/feeds/view.atom?theme=defense&country=RUS');
    // Linked visibly too, with the other formats and a calendar.
    const follow = page.locator('main p.follow');
    const title = `${SITE_NAME}: theme Defense; country Russia`;
    expect(await follow.locator('a').allTextContents()).toEqual([
      `Atom feed of ${title}`,
      `RSS feed of ${title}`,
      `JSON Feed of ${title}`,
      `Calendar of ${title}`,
    ]);
    const listed = (await page
      .locator('main ol.briefings h3 a')
      .evaluateAll((links) =>
        links.map((link) => link.getAttribute('href')!.replace('/briefings/', '')),
      )) as string[];
    expect(listed.length).toBeGreaterThan(3);
    const response = await fetch(new URL(href!, baseUrl));
    expect(response.status).toBe(200);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await response.text()) as {
      feed: { entry: { id: string }[] };
    };
    const ids = feed.feed.entry.map((entry) => entry.id.replace(/^.*:briefing\//, ''));
    expect(ids).toEqual(listed.slice(0, 50));
    const etag = response.headers.get('etag')!;
    const again = await fetch(new URL(href!, baseUrl), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // A search is followed too, matched as the list matches it (other scripts of a name).
    const search = await fetch(`${baseUrl}/feeds/view.json?q=${encodeURIComponent('Лавров')}`);
    const items = ((await search.json()) as { items: { title: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('the dataset download', () => {
  it('is a SQLite file of every record, to query with sqlite3 or Datasette', async () => {
    const response = await fetch(`${baseUrl}/briefings.sqlite`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/filename="briefings-.*\.sqlite"/);
    const dir = await mkdtemp(join(tmpdir(), 'dashboard-dataset-'));
    try {
      const path = join(dir, 'briefings.sqlite');
      await writeFile(path, Buffer.from(await response.arrayBuffer()));
      const db = new DatabaseSync(path, { readOnly: true });
      const { n } = db.prepare('SELECT count(*) AS n FROM records').get() as { n: number };
      const exported = await (await fetch(`${baseUrl}/briefings.json?count=records`)).json();
      expect(n).toBe((exported as { count: number }).count);
      db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const again = await fetch(`${baseUrl}/briefings.sqlite`, {
      headers: { 'if-none-match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it.each(['gzip', 'br'])('is sent compressed to a client that accepts %s', async (coding) => {
    const plain = await fetch(`${baseUrl}/briefings.sqlite`, {
      headers: { 'accept-encoding': 'identity' },
    });
    const plainBytes = Buffer.from(await plain.arrayBuffer());
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-length')).toBe(String(plainBytes.byteLength));

    const response = await fetch(`${baseUrl}/briefings.sqlite`, {
      headers: { 'accept-encoding': coding },
    });
    expect(response.headers.get('content-encoding')).toBe(coding);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(Number(response.headers.get('content-length'))).toBeLessThan(plainBytes.byteLength / 2);
    // fetch decodes it: the same file.
    expect(Buffer.from(await response.arrayBuffer()).equals(plainBytes)).toBe(true);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(new RegExp(`-${coding}"$`));
    const again = await fetch(`${baseUrl}/briefings.sqlite`, {
      headers: { 'accept-encoding': coding, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });
});

describe('the JSON Schema of a record', () => {
  it('is offered beside the downloads, as the schema package ships it, and every exported record passes it', async () => {
    const list = await (await fetch(`${baseUrl}/briefings`)).text();
    expect(list).toContain(`href="${RECORD_SCHEMA_PATH}"`);

    const response = await fetch(`${baseUrl}${RECORD_SCHEMA_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/schema+json');
    const text = await response.text();
    const shipped = fileURLToPath(import.meta.resolve('@briefing/schema/briefing.schema.json'));
    expect(text).toBe(await readFile(shipped, 'utf8'));

    // What a user of another language does: validate the records of the JSON export with it.
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(text) as object);
    const exported = (await (await fetch(`${baseUrl}/briefings.json?count=records`)).json()) as {
      records: unknown[];
    };
    expect(exported.records.length).toBeGreaterThan(0);
    for (const record of exported.records) {
      expect(validate(record) ? [] : validate.errors).toEqual([]);
    }

    const again = await fetch(`${baseUrl}${RECORD_SCHEMA_PATH}`, {
      headers: { 'if-none-match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    const compressed = await fetch(`${baseUrl}${RECORD_SCHEMA_PATH}`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(await compressed.text()).toBe(text);
  });
});

describe('security headers', () => {
  it.each([
    '/',
    '/briefings',
    '/briefings/lavrov-pyongyang-2023-10',
    '/feeds/all.atom',
    '/feeds/view.atom?theme=space',
    '/briefings.csv',
    '/briefings.sqlite',
    '/briefing.schema.json',
    '/favicon.svg',
    '/_app/version.json',
  ])('%s carries them', async (path) => {
    const response = await fetch(`${baseUrl}${path}`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'|default-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
  });
});
