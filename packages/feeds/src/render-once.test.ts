import { Feed } from 'feed';
import { describe, expect, it, vi } from 'vitest';
import { generateBriefings, makeBriefing } from '@briefing/schema/testing';
import {
  encodeFrame,
  frameDigests,
  frameParts,
  templatedArchiveFrames,
  templatedCoverageFrames,
} from './render-once.js';
import { digestOf } from './strong-etag.js';
import { atom1Frame, renderAtomEntries } from './atom1.js';
import { buildFeeds } from './build-feeds.js';
import { scopePages } from './feed-page.js';
import { jsonFeedFrame } from './json-feed.js';
import { feedScopes } from './paths.js';
import { renderRssItems, rss2Frame } from './rss2.js';
import { feedAloneItem } from './test-support/feed-alone.js';
import { HOSTILE_STRINGS } from './test-support/hostile.js';
import { fileText, unescapeHtml } from './test-support/feed-set.js';
import { readXml, textOf } from './test-support/xml.js';
import { compareItems, dateAtUtcMidnight, toFeedItem } from './to-feed-item.js';

const records = generateBriefings({ count: 120 });
// What the date a template stands in for its items' update date looks like in RSS.
/** Fragments as text, for readable comparisons. */
const asText = (fragments: readonly Buffer[]) => fragments.map(String);

const SLOT_DATE_TEXT = new Date(Date.UTC(1903, 2, 3)).toUTCString();

describe('archive frames filled in from one rendering per scope', () => {
  it.each([
    ['rss', rss2Frame],
    ['atom', atom1Frame],
    ['json', jsonFeedFrame],
  ] as const)('are byte-identical to %s frames rendered page by page', (_format, frame) => {
    const templated = templatedArchiveFrames(frame);
    for (const siteUrl of [
      'https://briefing.example.org/',
      'http://briefing.example.org/a&b/',
      'http://localhost:3000/',
    ]) {
      const items = records.map((record) => toFeedItem({ record, siteUrl })).sort(compareItems);
      let archives = 0;
      for (const scope of feedScopes({ records })) {
        const pages = scopePages({
          scope,
          items,
          siteUrl,
          pageSize: 7,
          hubUrl: 'https://hub.example.org/',
          emptyUpdated: dateAtUtcMidnight('2023-01-01'),
        });
        for (const page of pages) {
          if (page.archivePage !== undefined) archives++;
          expect(templated({ page })).toEqual(frame({ page }));
        }
      }
      // Every shape: first, middle and last archives of many scopes.
      expect(archives).toBeGreaterThan(100);
    }
  });
});

describe('subscription frames filled in with the coverage sentence', () => {
  it.each([
    ['rss', rss2Frame],
    ['atom', atom1Frame],
    ['json', jsonFeedFrame],
  ] as const)('are byte-identical to %s frames rendered for each sentence', (_format, frame) => {
    const templated = templatedCoverageFrames(frame);
    const siteUrl = 'https://briefing.example.org/';
    const items = records.map((record) => toFeedItem({ record, siteUrl })).sort(compareItems);
    const notes = [
      'Covers 9 Feb 2000 – 27 Dec 2025; last updated 4 Dec 2026.',
      'Covers 9 Feb 2000 – 27 Dec 2025; last updated 5 Dec 2026.',
      'No records yet.',
      'A sentence with <markup> & "quotes" is rendered as it is.',
    ];
    for (const coverageNote of [...notes, ...notes]) {
      for (const scope of feedScopes({ records })) {
        const [page] = scopePages({
          scope,
          items,
          siteUrl,
          pageSize: 50,
          emptyUpdated: dateAtUtcMidnight('2023-01-01'),
          coverageNote,
        });
        expect(templated({ page: page!, coverageNote })).toEqual(frame({ page: page! }));
      }
    }
  });
});

describe('documents spliced from items rendered once', () => {
  const siteUrl = 'https://briefing.example.org/';
  const feeds = buildFeeds({ records, siteUrl, pageSize: 50 });
  const items = records.map((record) => toFeedItem({ record, siteUrl })).sort(compareItems);
  const current = items.slice(0, 50);
  // feed on its own, every item added to one document: what the splicing must be equivalent to.
  const plain = () => {
    const feed = new Feed({
      id: 'x',
      title: 'x',
      link: siteUrl,
      updated: current[0]!.updated,
      feedLinks: { atom: `${siteUrl}feeds/all.atom` },
    });
    for (const item of current) feed.addItem(feedAloneItem(item));
    return feed;
  };
  const asList = (value: unknown) => (Array.isArray(value) ? value : [value]);

  it('give the RSS items feed writes for the same items, read back by a parser', () => {
    const spliced = readXml(fileText(feeds, '/feeds/all.rss')).rss.channel.item;
    const expected = readXml(plain().rss2()).rss.channel.item;
    const meaning = (item: any) => ({
      title: textOf(item.title),
      link: textOf(item.link),
      guid: textOf(item.guid),
      pubDate: textOf(item.pubDate),
      description: textOf(item.description),
      content: textOf(item['content:encoded']),
      categories: asList(item.category).map(textOf),
    });
    expect(spliced.map(meaning)).toEqual(expected.map(meaning));
  });

  it('give the Atom entries feed writes for the same items, read back by a parser', () => {
    const spliced = readXml(fileText(feeds, '/feeds/all.atom')).feed.entry;
    const expected = readXml(plain().atom1()).feed.entry;
    const meaning = (entry: any) => ({
      title: unescapeHtml(textOf(entry.title)),
      id: textOf(entry.id),
      link: entry.link['@_href'],
      updated: textOf(entry.updated),
      published: textOf(entry.published),
      summary: textOf(entry.summary),
      content: textOf(entry.content),
      categories: asList(entry.category).map((c: any) => [c['@_term'], c['@_label']]),
    });
    expect(spliced.map(meaning)).toEqual(expected.map(meaning));
  });
});

describe("a document's parts", () => {
  const fragments = ['<item>a</item>', '{"id":"b"}', '<entry>Пхеньян</entry>'].map((text) =>
    Buffer.from(text),
  );
  it.each([
    ['with a separator between items (JSON)', ','],
    ['with none (XML)', ''],
  ])("have their digests in the parts' order, %s", (_, separator) => {
    const frame = encodeFrame({ head: '<feed>', tail: '</feed>', separator });
    const parts = frameParts({ frame, itemFragments: fragments });
    for (const count of [0, 1, 3]) {
      const some = fragments.slice(0, count);
      expect(
        frameDigests({ frame, itemDigests: some.map((fragment) => digestOf(fragment)) }),
      ).toEqual(frameParts({ frame, itemFragments: some }).map(digestOf));
    }
    expect(parts).toHaveLength(separator === '' ? 5 : 7);
  });
});

describe('summaries and contents passed through feed as stand-ins', () => {
  // Hostile texts, and what a string replacement would read as a pattern ("$&" is the match).
  const texts = [...HOSTILE_STRINGS, "$& $' $` $$ $1", '', 'x'];
  const hostile = texts.map((text, index) =>
    makeBriefing({ id: `text-${index}`, title: `Title ${text}`, summary: `Summary ${text}` }),
  );
  const siteUrl = 'https://briefing.example.org/';
  const items = [...records, ...hostile]
    .map((record) => toFeedItem({ record, siteUrl }))
    .sort(compareItems);
  // An item with no content and no summary: feed writes neither element, nor may a stand-in.
  const bare = { ...items[0]!, summaryHtml: '', contentHtml: '' };
  const [page] = scopePages({
    scope: { kind: 'all' },
    items,
    siteUrl,
    pageSize: 50,
    emptyUpdated: dateAtUtcMidnight('2023-01-01'),
  });

  it.each([
    ['RSS', renderRssItems],
    ['Atom', renderAtomEntries],
  ] as const)('give %s items byte-identical to feed writing them in place', (_format, render) => {
    const all = [...items, bare];
    const spliced = asText(render({ items: all, page: page! }));
    expect(spliced).toEqual(asText(render({ items: all, page: page!, passThrough: [] })));
    expect(spliced).toHaveLength(all.length);
    expect(spliced.some((fragment) => fragment.includes('$` $$ $1'))).toBe(true);
    expect(spliced.at(-1)).not.toMatch(/summary|description|content/);
  });
});

describe('items filled into a template of their shape', () => {
  const templated = generateBriefings({ count: 300 });
  const page = (siteUrl: string) =>
    scopePages({
      scope: { kind: 'all' },
      items: [],
      siteUrl,
      pageSize: 50,
      emptyUpdated: dateAtUtcMidnight('2023-01-01'),
    })[0]!;

  it.each([
    ['RSS', renderRssItems, 'rss2'],
    ['Atom', renderAtomEntries, 'atom1'],
  ] as const)(
    'have feed render one %s item per shape, the others filled in byte for byte',
    (_format, render, method) => {
      const siteUrl = 'https://template.example.org/';
      const items = templated.map((record) => toFeedItem({ record, siteUrl }));
      const shapes = new Set(items.map((item) => JSON.stringify(item.categories))).size;
      const added = vi.spyOn(Feed.prototype, 'addItem');
      const renders = vi.spyOn(Feed.prototype, method);
      const filled = asText(render({ items, page: page(siteUrl) }));
      // One item per shape at most, each in a document of its own (a shape may be known from an
      // earlier test already).
      expect(added.mock.calls.length).toBeLessThanOrEqual(shapes);
      expect(renders.mock.calls.length).toBe(added.mock.calls.length);
      expect(shapes).toBeLessThan(items.length / 2);
      added.mockRestore();
      renders.mockRestore();
      expect(filled).toEqual(asText(render({ items, page: page(siteUrl), passThrough: [] })));
    },
  );

  it.each([
    ['RSS', renderRssItems],
    ['Atom', renderAtomEntries],
  ] as const)(
    'leave to feed the %s items whose link feed would change, or with a slot text among their texts',
    (_format, render) => {
      const siteUrl = 'https://briefing.example.org/';
      const items = templated.slice(0, 40).map((record) => toFeedItem({ record, siteUrl }));
      const [first] = items;
      const all = [
        ...items,
        // feed escapes "&" in a link, and new URL() writes the scheme and host in lower case.
        { ...first!, recordId: 'amp', url: `${siteUrl}briefings/amp?a=1&b=2` },
        { ...first!, recordId: 'upper', url: 'HTTPS://Briefing.Example.org/briefings/upper' },
        // A dot segment, percent-encoded: new URL() takes it away.
        { ...first!, recordId: 'dots', url: `${siteUrl}briefings/x/%2e%2e` },
        {
          ...first!,
          recordId: 'lookalike',
          categories: first!.categories.map((category) => ({
            ...category,
            label: `zqxSlotTitle ${SLOT_DATE_TEXT}`,
          })),
        },
      ];
      const filled = asText(render({ items: all, page: page(siteUrl) }));
      expect(filled).toEqual(asText(render({ items: all, page: page(siteUrl), passThrough: [] })));
      expect(filled.at(-4)).toContain('a=1&amp;b=2');
      expect(filled.at(-3)).toContain('https://briefing.example.org/briefings/upper');
      expect(filled.at(-2)).not.toContain('%2e');
      expect(filled.at(-1)).toContain('zqxSlotTitle');
    },
  );
});
