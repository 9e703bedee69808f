// One test per known defect of feed 6.0.0 (TOOLCHAIN.md) that this package works around.
import { describe, expect, it, vi } from 'vitest';
import { makeBriefing } from '@briefing/schema/testing';
import type { Briefing } from '@briefing/schema';
import { renderAtomEntries, atom1Frame } from './atom1.js';
import { buildFeeds } from './build-feeds.js';
import { scopePages } from './feed-page.js';
import { toFeedItem } from './to-feed-item.js';
import { fileText, unescapeHtml } from './test-support/feed-set.js';
import { parseStrict, readXml, textOf } from './test-support/xml.js';

const SITE = 'https://briefing.example.org/';

function build(overrides: Partial<Briefing> = {}) {
  return buildFeeds({ records: [makeBriefing(overrides)], siteUrl: SITE });
}

function texts(overrides: Partial<Briefing> = {}) {
  const feeds = build(overrides);
  return {
    rss: fileText(feeds, '/feeds/all.rss'),
    atom: fileText(feeds, '/feeds/all.atom'),
    json: fileText(feeds, '/feeds/all.json'),
  };
}

const rssItem = (xml: string) => readXml(xml).rss.channel.item[0];
const atomEntry = (xml: string) => readXml(xml).feed.entry[0];

describe('workarounds for feed 6.0.0', () => {
  it('keeps a title with two "]]>" inside well-formed CDATA (xml-js splits only the first)', () => {
    const { rss, atom } = texts({ title: 'a ]]> b ]]> c' });
    parseStrict(rss);
    parseStrict(atom);
    expect(textOf(rssItem(rss).title)).toBe('a ]]> b ]]> c');
    expect(unescapeHtml(textOf(atomEntry(atom).title))).toBe('a ]]> b ]]> c');
  });

  it('removes XML-illegal control characters that feed passes through', () => {
    const { rss, atom, json } = texts({ title: 'bell\u0007 nul\u0000 esc\u001B ok\uFFFE\uFFFF' });
    for (const xml of [rss, atom]) {
      parseStrict(xml);
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    }
    expect(textOf(rssItem(rss).title)).toBe('bell nul esc ok');
    expect(JSON.parse(json).items[0].title).toBe('bell nul esc ok');
  });

  it('escapes "<" and "&amp;" in Atom category attributes exactly once', () => {
    const item = toFeedItem({ record: makeBriefing(), siteUrl: SITE });
    const hostile = {
      ...item,
      categories: [{ ...item.categories[0]!, label: 'R&D <x> &amp; "q"' }],
    };
    const page = scopePages({
      scope: { kind: 'all' },
      items: [hostile],
      siteUrl: SITE,
      pageSize: 50,
      emptyUpdated: new Date(0),
    })[0]!;
    const frame = atom1Frame({ page });
    const xml = `${frame.head}${renderAtomEntries({ items: [hostile], page }).join('')}${frame.tail}`;
    parseStrict(xml);
    expect(atomEntry(xml).category[0]['@_label']).toBe('R&D <x> &amp; "q"');
  });

  it('keeps a literal "&amp;" in text instead of letting xml-js turn it into "&"', () => {
    const { rss, atom } = texts({ title: 'Tom &amp; Jerry & co' });
    expect(textOf(rssItem(rss).title)).toBe('Tom &amp; Jerry & co');
    expect(unescapeHtml(textOf(atomEntry(atom).title))).toBe('Tom &amp; Jerry & co');
    expect(textOf(readXml(rss).rss.channel.title)).toBe('Russia–DPRK briefings');
  });

  it('HTML-escapes plain-text titles, since feed always marks Atom titles type="html"', () => {
    const { atom } = texts({ title: '<b>not bold</b> & more' });
    const title = atomEntry(atom).title;
    expect(title['@_type']).toBe('html');
    expect(textOf(title)).toBe('&lt;b&gt;not bold&lt;/b&gt; &amp; more');
  });

  it('uses tag: URIs for ids (feed puts ids through new URL) that survive edits', () => {
    const before = texts();
    const after = texts({
      title: 'Lavrov visits Pyongyang (corrected)',
      revision: {
        created: '2023-10-20',
        updated: '2024-02-01',
        changes: [
          { date: '2023-10-20', note: 'Created.' },
          { date: '2024-02-01', note: 'Corrected the title.' },
        ],
      },
    });
    const id = 'tag:briefing.example.org,2023:briefing/lavrov-pyongyang-2023';
    for (const version of [before, after]) {
      expect(textOf(atomEntry(version.atom).id)).toBe(id);
      expect(textOf(rssItem(version.rss).guid)).toBe(id);
      expect(JSON.parse(version.json).items[0].id).toBe(id);
    }
  });

  it('never writes an empty <link/> or the text "undefined"', () => {
    const { rss, atom } = texts({ places: [] });
    expect(atom).not.toMatch(/<link\s*\/>/);
    for (const link of atomEntry(atom).link) expect(link['@_href']).toMatch(/^https:/);
    expect(rss).not.toContain('undefined');
    expect(atom).not.toContain('undefined');
  });

  it("gives each format its own self link (feed's `feed` option would override them all)", () => {
    const { rss, atom, json } = texts();
    const rssSelf = readXml(rss).rss.channel['atom:link'].filter(
      (link: Record<string, string>) => link['@_rel'] === 'self',
    );
    expect(rssSelf.map((link: Record<string, string>) => link['@_href'])).toEqual([
      `${SITE}feeds/all.rss`,
    ]);
    const atomSelf = readXml(atom).feed.link.filter(
      (link: Record<string, string>) => link['@_rel'] === 'self',
    );
    expect(atomSelf.map((link: Record<string, string>) => link['@_href'])).toEqual([
      `${SITE}feeds/all.atom`,
    ]);
    expect(JSON.parse(json).feed_url).toBe(`${SITE}feeds/all.json`);
  });

  it('dates feeds by the newest record, so a build at another time gives the same bytes', () => {
    const first = texts();
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2031-05-05T12:00:00Z'));
      expect(texts()).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
    expect(textOf(readXml(first.atom).feed.updated)).toBe('2024-01-10T00:00:00.000Z');
    expect(textOf(readXml(first.rss).rss.channel.lastBuildDate)).toBe(
      'Wed, 10 Jan 2024 00:00:00 GMT',
    );
  });

  it('adds xml:lang to Atom (feed passes language to RSS only)', () => {
    expect(readXml(texts().atom).feed['@_xml:lang']).toBe('en');
  });

  it('names the author with dc:creator in RSS and declares the dc namespace', () => {
    const { rss } = texts();
    const doc = readXml(rss).rss;
    expect(doc['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(textOf(doc.channel.item[0]['dc:creator'])).toBe('Russia–DPRK briefings');
    expect(doc.channel.item[0].author).toBeUndefined();
  });

  it('writes JSON Feed 1.1 (authors, language), not the 1.0 of feed.json1()', () => {
    const json = JSON.parse(texts().json);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.authors).toEqual([{ name: 'Russia–DPRK briefings', url: SITE }]);
    expect(json.author).toBeUndefined();
    expect(json.language).toBe('en');
  });
});
