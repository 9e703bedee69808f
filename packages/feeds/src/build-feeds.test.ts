import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '@briefing/schema';
import { dataCoverage, formatIsoDate, themeLabel } from '@briefing/schema';
import { generateBriefings } from '@briefing/schema/testing';
import { buildFeeds } from './build-feeds.js';
import type { FeedSet } from './build-feeds.js';
import { feedLinks, feedScopes, inScope } from './paths.js';
import type { FeedFormat } from './paths.js';
import { atomProblems, rssProblems } from './test-support/feed-rules.js';
import { parseWithFeedparser } from './test-support/feedparser.js';
import { fileText, loadSeeds, pathsOf, unescapeHtml } from './test-support/feed-set.js';
import { JsonFeed11 } from './test-support/json-feed-schema.js';
import { parseStrict, readXml, textOf } from './test-support/xml.js';

const SITE = 'https://briefing.example.org';
let records: Briefing[];
let feeds: FeedSet;
// Small pages, so that the seeds fill several archive documents.
const PAGE_SIZE = 7;

beforeAll(async () => {
  records = await loadSeeds();
  feeds = buildFeeds({ records, siteUrl: SITE, pageSize: PAGE_SIZE });
});

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const urlOf = (path: string) => new URL(path, SITE).href;

/** Records newest update first, ties by event date (latest first) then id. */
function expectedOrder(list: readonly Briefing[]): Briefing[] {
  return [...list].sort(
    (a, b) =>
      b.revision.updated.localeCompare(a.revision.updated) ||
      b.date.start.localeCompare(a.date.start) ||
      a.id.localeCompare(b.id),
  );
}

describe('buildFeeds on the seed records', () => {
  it('says in each subscription document what period the data covers and when it was updated', () => {
    const coverage = dataCoverage(records)!;
    const sentence = `Covers ${formatIsoDate(coverage.from)} – ${formatIsoDate(coverage.to)}; last updated ${formatIsoDate(coverage.updated)}.`;
    expect(fileText(feeds, '/feeds/all.rss')).toContain(sentence);
    expect(fileText(feeds, '/feeds/all.atom')).toContain(sentence);
    expect(JSON.parse(fileText(feeds, '/feeds/themes/space.json')).description).toContain(sentence);
    expect(fileText(feeds, '/feeds/calendar.ics').replace(/\r\n /g, '')).toContain(sentence);
    // Archives keep their bytes when the data changes (RFC 5005 §4): no such sentence there.
    expect(fileText(feeds, '/feeds/archive/all/1.atom')).not.toContain('last updated');
  });

  it('writes RSS, Atom and JSON Feed for all, every theme and type, and every country taking part', () => {
    const countries = new Set(records.flatMap((record) => record.actors.map((a) => a.country)));
    expect(countries.size).toBeGreaterThan(1);
    for (const scope of feedScopes({ records })) {
      const links = feedLinks({ scope });
      for (const path of [links.rss, links.atom, links.json])
        expect(feeds.files.has(path)).toBe(true);
    }
    for (const code of countries) {
      expect(feeds.files.has(`/feeds/countries/${code.toLowerCase()}.atom`)).toBe(true);
    }
    expect(feeds.files.has('/feeds/themes/space.rss')).toBe(true);
    expect(feeds.files.has('/feeds/types/un-vote.json')).toBe(true);
    expect(feeds.files.has('/feeds/calendar.ics')).toBe(true);
    expect(feeds.files.has('/feeds/feeds.opml')).toBe(true);
  });

  it('gives every RSS and Atom document to a strict namespace-aware XML parser without error', () => {
    const paths = [...pathsOf(feeds, 'rss'), ...pathsOf(feeds, 'atom'), ...pathsOf(feeds, 'opml')];
    expect(paths.length).toBeGreaterThan(60);
    for (const path of paths) expect(() => parseStrict(fileText(feeds, path)), path).not.toThrow();
  });

  it('keeps the newest records, in order, with their titles, ids, dates, links and categories', () => {
    const expected = expectedOrder(records).slice(0, PAGE_SIZE);
    const rss = asArray(readXml(fileText(feeds, '/feeds/all.rss')).rss.channel.item);
    const atom = asArray(readXml(fileText(feeds, '/feeds/all.atom')).feed.entry);
    const json = JSON.parse(fileText(feeds, '/feeds/all.json')).items;
    expect(rss).toHaveLength(PAGE_SIZE);
    expected.forEach((record, index) => {
      const id = `tag:briefing.example.org,2023:briefing/${record.id}`;
      const link = `${SITE}/briefings/${record.id}`;
      const r = rss[index];
      expect(textOf(r.title)).toBe(record.title);
      expect(textOf(r.guid)).toBe(id);
      expect(r.guid['@_isPermaLink']).toBe('false');
      expect(textOf(r.link)).toBe(link);
      expect(new Date(textOf(r.pubDate)).toISOString().slice(0, 10)).toBe(record.revision.created);
      expect(asArray(r.category).map(textOf)).toEqual(record.themes.map(themeLabel));

      const a = atom[index];
      expect(unescapeHtml(textOf(a.title))).toBe(record.title);
      expect(textOf(a.id)).toBe(id);
      expect(asArray(a.link)[0]['@_href']).toBe(link);
      expect(textOf(a.published)).toBe(`${record.revision.created}T00:00:00.000Z`);
      expect(textOf(a.updated)).toBe(`${record.revision.updated}T00:00:00.000Z`);
      expect(
        asArray(a.category).map((c: Record<string, string>) => [
          c['@_term'],
          c['@_label'],
          c['@_scheme'],
        ]),
      ).toEqual(record.themes.map((theme) => [theme, themeLabel(theme), `${SITE}/themes/`]));

      const j = json[index];
      expect([j.id, j.url, j.title]).toEqual([id, link, record.title]);
      expect(j.date_modified).toBe(`${record.revision.updated}T00:00:00.000Z`);
      expect(j.tags).toEqual(record.themes.map(themeLabel));
    });
  });

  it('puts dates, status, actors, places, themes and http(s) sources in each item body', () => {
    const record = records.find((r) => r.sources.some((s) => s.url !== undefined))!;
    const json = JSON.parse(fileText(feeds, '/feeds/all.json'));
    const all = [json, ...collectArchives('json', '/feeds/all.json')].flatMap((doc) => doc.items);
    const item = all.find((i: { id: string }) => i.id.endsWith(`/${record.id}`));
    const source = record.sources.find((s) => s.url !== undefined)!;
    expect(item.content_html).toContain(
      `href="${source.url!.replaceAll('&', '&amp;')}" rel="noopener noreferrer"`,
    );
    expect(item.content_html).toContain('<h3>When</h3>');
    expect(item.content_html).toContain('<h3>Status</h3>');
    expect(item.content_html).toContain('<h3>Confidence</h3>');
    for (const actor of record.actors) expect(item.content_text).toContain(actor.name);
    for (const place of record.places) expect(item.content_text).toContain(place.name);
    for (const theme of record.themes) expect(item.content_text).toContain(themeLabel(theme));
  });

  it('passes the W3C Feed Validator rules in every RSS and Atom document', () => {
    for (const path of pathsOf(feeds, 'rss')) {
      expect(rssProblems(fileText(feeds, path), { selfUrl: urlOf(path) }), path).toEqual([]);
    }
    for (const path of pathsOf(feeds, 'atom')) {
      expect(atomProblems(fileText(feeds, path), { selfUrl: urlOf(path) }), path).toEqual([]);
    }
  });

  it('is read by python3-feedparser with bozo 0 and the same entries', () => {
    const paths = [...pathsOf(feeds, 'rss'), ...pathsOf(feeds, 'atom')];
    const parsed = parseWithFeedparser(
      paths.map((path) => ({ name: path, text: fileText(feeds, path) })),
    );
    for (const result of parsed) {
      expect(result.bozo, `${result.name}: ${result.bozo_exception}`).toBeFalsy();
      expect(result.version).toBe(result.name.endsWith('.rss') ? 'rss20' : 'atom10');
      expect(result.language).toBe('en');
      const ours = JSON.parse(fileText(feeds, result.name.replace(/\.(rss|atom)$/, '.json'))).items;
      expect(result.entries.map((e) => e.id)).toEqual(ours.map((i: { id: string }) => i.id));
      // type="html" titles come back as feedparser's sanitised HTML, whose text is the title.
      expect(
        result.entries.map((e) =>
          e.title_type === 'text/html' ? unescapeHtml(e.title!) : e.title,
        ),
      ).toEqual(ours.map((i: { title: string }) => i.title));
    }
  });

  it('writes every JSON Feed document as valid JSON Feed 1.1 with authors and language', () => {
    for (const path of pathsOf(feeds, 'json')) {
      const result = JsonFeed11.safeParse(JSON.parse(fileText(feeds, path)));
      expect(result.success, `${path}: ${result.error?.message}`).toBe(true);
      expect(result.data?.authors?.length).toBeGreaterThan(0);
      expect(result.data?.language).toBe('en');
      // An archive page names the feed it belongs to, as its identity.
      expect(result.data?.feed_url).toBe(
        urlOf(path.replace(/archive\/(.+)\/\d+\.json$/, '$1.json')),
      );
    }
  });

  it('gives byte-identical files for the same records, in any input order', () => {
    const again = buildFeeds({
      records: [...records].reverse(),
      siteUrl: SITE,
      pageSize: PAGE_SIZE,
    });
    expect([...again.files.keys()].sort()).toEqual([...feeds.files.keys()].sort());
    for (const [path, file] of feeds.files) {
      expect(Buffer.from(again.files.get(path)!.body).equals(Buffer.from(file.body)), path).toBe(
        true,
      );
      expect(again.files.get(path)!.etag).toBe(file.etag);
    }
  });

  it('dates each feed by its newest item, never by the build time', () => {
    const newest = expectedOrder(records)[0]!.revision.updated;
    const atom = readXml(fileText(feeds, '/feeds/all.atom')).feed;
    expect(textOf(atom.updated)).toBe(`${newest}T00:00:00.000Z`);
    expect(feeds.files.get('/feeds/all.atom')!.lastModified.toISOString()).toBe(
      `${newest}T00:00:00.000Z`,
    );
  });

  it.each(['rss', 'atom', 'json'] as const)(
    'reaches every record of every %s feed by walking prev-archive, each in exactly one archive',
    (format) => {
      let archived = 0;
      for (const scope of feedScopes({ records })) {
        const current = feedLinks({ scope })[format];
        const expected = records.filter((record) => inScope({ scope, record })).map((r) => r.id);
        const chain = archiveChain(format, current);
        if (expected.length <= PAGE_SIZE) {
          expect(chain, current).toEqual([]);
          expect(itemIds(format, current).sort()).toEqual([...expected].sort());
          continue;
        }
        const inArchives = chain.flatMap((path) => itemIds(format, path));
        expect([...inArchives].sort(), current).toEqual([...expected].sort());
        archived += inArchives.length;
        // The current document holds the newest updates; each is also in its archive.
        expect(itemIds(format, current)).toEqual(
          expectedOrder(records.filter((record) => inScope({ scope, record })))
            .slice(0, PAGE_SIZE)
            .map((record) => record.id),
        );
      }
      expect(archived).toBeGreaterThan(records.length);
    },
  );

  it('archives in order of creation: archive 1 holds the first records added', () => {
    const byCreation = [...records].sort(
      (a, b) => a.revision.created.localeCompare(b.revision.created) || a.id.localeCompare(b.id),
    );
    expect(itemIds('atom', '/feeds/archive/all/1.atom').sort()).toEqual(
      byCreation
        .slice(0, PAGE_SIZE)
        .map((record) => record.id)
        .sort(),
    );
  });

  it('marks archive documents with fh:archive and a current link, and the current feed with neither', () => {
    const archive = readXml(fileText(feeds, '/feeds/archive/all/1.atom')).feed;
    expect(archive['fh:archive']).toBeDefined();
    const rels = asArray(archive.link).map((l: Record<string, string>) => l['@_rel']);
    expect(rels).toContain('current');
    expect(rels).toContain('next-archive');
    expect(rels).not.toContain('prev-archive');
    const current = readXml(fileText(feeds, '/feeds/all.atom')).feed;
    expect(current['fh:archive']).toBeUndefined();
    expect(asArray(current.link).map((l: Record<string, string>) => l['@_rel'])).not.toContain(
      'current',
    );
    const rss = readXml(fileText(feeds, '/feeds/archive/all/1.rss')).rss;
    expect(rss.channel['fh:archive']).toBeDefined();
    expect(rss['@_xmlns:fh']).toBe('http://purl.org/syndication/history/1.0');
    const json = JSON.parse(fileText(feeds, '/feeds/archive/all/1.json'));
    expect(json._rfc5005).toMatchObject({ archive: true, current: urlOf('/feeds/all.json') });
  });
});

describe('buildFeeds on more records than one render batch', () => {
  it('keeps every item whole and in order across batch boundaries', () => {
    const many = generateBriefings({ count: 250 });
    const set = buildFeeds({ records: many, siteUrl: SITE, pageSize: 1000 });
    const expected = expectedOrder(many).map((record) => [
      `tag:briefing.example.org,2023:briefing/${record.id}`,
      record.title,
    ]);
    const rss = readXml(fileText(set, '/feeds/all.rss')).rss.channel.item;
    const atom = readXml(fileText(set, '/feeds/all.atom')).feed.entry;
    const json = JSON.parse(fileText(set, '/feeds/all.json')).items;
    expect(
      rss.map((i: { guid: unknown; title: unknown }) => [textOf(i.guid), textOf(i.title)]),
    ).toEqual(expected);
    expect(
      atom.map((e: { id: unknown; title: unknown }) => [
        textOf(e.id),
        unescapeHtml(textOf(e.title)),
      ]),
    ).toEqual(expected);
    expect(json.map((i: { id: string; title: string }) => [i.id, i.title])).toEqual(expected);
    parseStrict(fileText(set, '/feeds/all.rss'));
    parseStrict(fileText(set, '/feeds/all.atom'));
  });
});

function documentLinks(format: FeedFormat, path: string): Record<string, string> {
  const text = fileText(feeds, path);
  if (format === 'json') {
    const history = JSON.parse(text)._rfc5005 ?? {};
    return { 'prev-archive': history.prev_archive, 'next-archive': history.next_archive };
  }
  const links =
    format === 'atom'
      ? asArray(readXml(text).feed.link)
      : asArray(readXml(text).rss.channel['atom:link']);
  return Object.fromEntries(
    links.map((link: Record<string, string>) => [link['@_rel'], link['@_href']]),
  );
}

function archiveChain(format: FeedFormat, current: string): string[] {
  const chain: string[] = [];
  let next = documentLinks(format, current)['prev-archive'];
  while (next !== undefined) {
    const path = new URL(next).pathname;
    expect(chain).not.toContain(path);
    chain.push(path);
    next = documentLinks(format, path)['prev-archive'];
  }
  return chain;
}

function collectArchives(format: 'json', current: string): unknown[] {
  return archiveChain(format, current).map((path) => JSON.parse(fileText(feeds, path)));
}

function itemIds(format: FeedFormat, path: string): string[] {
  const text = fileText(feeds, path);
  const ids =
    format === 'json'
      ? JSON.parse(text).items.map((item: { id: string }) => item.id)
      : format === 'atom'
        ? asArray(readXml(text).feed.entry).map((entry: { id: unknown }) => textOf(entry.id))
        : asArray(readXml(text).rss.channel.item).map((item: { guid: unknown }) =>
            textOf(item.guid),
          );
  return ids.map((id: string) => id.slice(id.lastIndexOf('/') + 1));
}
