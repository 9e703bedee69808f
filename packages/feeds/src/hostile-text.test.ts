import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { makeBriefing } from '@briefing/schema/testing';
import type { Briefing } from '@briefing/schema';
import { buildFeeds } from './build-feeds.js';
import { parseWithFeedparser } from './test-support/feedparser.js';
import { fileText, pathsOf, unescapeHtml } from './test-support/feed-set.js';
import { isolate } from '@briefing/present';
import { HOSTILE_STRINGS, expectedText } from './test-support/hostile.js';
import { JsonFeed11 } from './test-support/json-feed-schema.js';
import { parseStrict, readXml, textOf } from './test-support/xml.js';

const SITE = 'https://briefing.example.org/';

/** One record per hostile string, carrying it in every free-text field. */
function hostileRecords(): Briefing[] {
  return HOSTILE_STRINGS.map((text, index) => {
    const base = makeBriefing();
    return makeBriefing({
      id: `hostile-${index}`,
      title: `${index} ${text}`,
      summary: `Summary ${text}\n\nSecond paragraph ${text}`,
      date: { ...base.date, note: `note ${text}` },
      actors: [
        { ...base.actors[0]!, name: `Actor ${text}`, office: `Office ${text}` },
        base.actors[1]!,
      ],
      places: [{ name: `Place ${text}`, country: 'PRK' }],
      sources: [
        {
          publisher: `Publisher ${text}`,
          title: `Source ${text}`,
          url: 'https://example.org/a?b=1&c=2',
          note: `Source note ${text}`,
        },
        {
          publisher: 'Archive',
          title: `Doc ${text}`,
          document: 'seeds/documents/000_de4160cc50d9890e.txt',
        },
      ],
      revision: {
        created: '2024-01-10',
        updated: `2024-02-${String(index + 1).padStart(2, '0')}`,
        changes: [{ date: '2024-01-10', note: `Created ${text}` }],
      },
    });
  });
}

describe('hostile text in records', () => {
  const records = hostileRecords();
  const feeds = buildFeeds({ records, siteUrl: SITE, pageSize: 4 });
  const expectedTitles = new Map(
    records.map((r) => [`tag:briefing.example.org,2023:briefing/${r.id}`, expectedText(r.title)]),
  );

  it('leaves every XML document well-formed, with no script element and no illegal character', () => {
    for (const path of [
      ...pathsOf(feeds, 'rss'),
      ...pathsOf(feeds, 'atom'),
      ...pathsOf(feeds, 'opml'),
    ]) {
      const text = fileText(feeds, path);
      const { elements } = parseStrict(text);
      expect(
        elements.filter((name) => /}script$/i.test(name)),
        path,
      ).toEqual([]);
      expect(text, path).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    }
  });

  it('escapes record text in every HTML body, so no <script> tag reaches a reader', () => {
    for (const path of pathsOf(feeds, 'json')) {
      for (const item of JSON.parse(fileText(feeds, path)).items) {
        expect(item.content_html).not.toMatch(/<script/i);
        if (item.id.endsWith('/hostile-0')) expect(item.content_html).toContain('&lt;script&gt;');
      }
    }
    for (const path of pathsOf(feeds, 'rss')) {
      for (const item of readXml(fileText(feeds, path)).rss.channel.item ?? []) {
        expect(textOf(item['content:encoded'])).not.toMatch(/<script/i);
        expect(textOf(item.description)).not.toMatch(/<script/i);
      }
    }
  });

  it('keeps every title and id, minus illegal characters, in RSS, Atom, JSON Feed and iCalendar', () => {
    const seen = { rss: 0, atom: 0, json: 0 };
    for (const path of pathsOf(feeds, 'rss')) {
      for (const item of readXml(fileText(feeds, path)).rss.channel.item ?? []) {
        expect(textOf(item.title)).toBe(expectedTitles.get(textOf(item.guid)));
        seen.rss += 1;
      }
    }
    for (const path of pathsOf(feeds, 'atom')) {
      for (const entry of readXml(fileText(feeds, path)).feed.entry ?? []) {
        expect(unescapeHtml(textOf(entry.title))).toBe(expectedTitles.get(textOf(entry.id)));
        seen.atom += 1;
      }
    }
    for (const path of pathsOf(feeds, 'json')) {
      const doc = JsonFeed11.parse(JSON.parse(fileText(feeds, path)));
      for (const item of doc.items) {
        expect(item.title).toBe(expectedTitles.get(item.id));
        const record = records.find((r) => item.id.endsWith(`/${r.id}`))!;
        expect(item.summary).toBe(expectedText(record.summary));
        seen.json += 1;
      }
    }
    expect(seen.rss).toBeGreaterThanOrEqual(records.length);
    expect(seen.atom).toBe(seen.rss);
    expect(seen.json).toBe(seen.rss);

    const calendar = new ICAL.Component(ICAL.parse(fileText(feeds, '/feeds/calendar.ics')));
    const summaries = calendar
      .getAllSubcomponents('vevent')
      .map((event) => [
        String(event.getFirstPropertyValue('uid')),
        String(event.getFirstPropertyValue('summary')),
      ]);
    expect(summaries.sort()).toEqual(
      // The calendar's text is plain text: a title that could reorder its neighbours is isolated.
      records.map((r) => [`${r.id}@briefing.example.org`, isolate(expectedText(r.title))]).sort(),
    );
  });

  it('is read by python3-feedparser with bozo 0 and the same titles', () => {
    const paths = [...pathsOf(feeds, 'rss'), ...pathsOf(feeds, 'atom')];
    const parsed = parseWithFeedparser(
      paths.map((path) => ({ name: path, text: fileText(feeds, path) })),
    );
    for (const result of parsed) {
      expect(result.bozo, `${result.name}: ${result.bozo_exception}`).toBeFalsy();
      for (const entry of result.entries) {
        expect(expectedTitles.has(entry.id!)).toBe(true);
        if (result.name.endsWith('.rss')) {
          const expected = expectedTitles.get(entry.id!)!;
          // RSS does not say whether a title is text or HTML; feedparser guesses HTML when the text
          // has entity references, and then keeps them as written. Compare decoded text then.
          if (entry.title_type === 'text/plain') expect(entry.title).toBe(expected);
          else expect(decodeEntities(entry.title!)).toBe(decodeEntities(expected));
        }
        if (result.name.endsWith('.atom')) {
          // type="html": feedparser returns the (sanitised) HTML, whose text is the title.
          expect(unescapeHtml(entry.title!)).toBe(expectedTitles.get(entry.id!));
        }
      }
    }
  });
});

function decodeEntities(value: string): string {
  return unescapeHtml(value).replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
    String.fromCodePoint(parseInt(hex, 16)),
  );
}
