import { describe, expect, it } from 'vitest';
import { BRIEFING_TYPES, THEMES } from '@briefing/schema';
import { makeBriefing } from '@briefing/schema/testing';
import {
  archivePath,
  calendarPath,
  feedLinks,
  feedScopes,
  inScope,
  listFeeds,
  opmlPath,
  scopeSegment,
  scopesOf,
} from './paths.js';
import { loadSeeds } from './test-support/feed-set.js';
import type { FeedScope } from './paths.js';
import { renderOpml } from './opml.js';
import { parseStrict, readXml } from './test-support/xml.js';

describe('feed paths', () => {
  it.each([
    [{ kind: 'all' }, '/feeds/all', 'Russia–DPRK briefings'],
    [{ kind: 'theme', id: 'space' }, '/feeds/themes/space', 'Russia–DPRK briefings: Space'],
    [{ kind: 'type', id: 'un-vote' }, '/feeds/types/un-vote', 'Russia–DPRK briefings: UN vote'],
    [
      { kind: 'country', code: 'PRK' },
      '/feeds/countries/prk',
      'Russia–DPRK briefings: North Korea',
    ],
  ] as [FeedScope, string, string][])('gives %j its feeds under %s', (scope, base, title) => {
    expect(feedLinks({ scope })).toEqual({
      rss: `${base}.rss`,
      atom: `${base}.atom`,
      json: `${base}.json`,
      title,
    });
  });

  it('puts archives under /feeds/archive/<scope>/<n>', () => {
    expect(archivePath({ scope: { kind: 'theme', id: 'space' }, page: 3, format: 'atom' })).toBe(
      '/feeds/archive/themes/space/3.atom',
    );
    expect(calendarPath).toBe('/feeds/calendar.ics');
    expect(opmlPath).toBe('/feeds/feeds.opml');
  });

  it('lists all, every theme and type (even empty) and each country taking part', () => {
    const feeds = listFeeds([makeBriefing()]);
    expect(feeds).toHaveLength(1 + THEMES.length + BRIEFING_TYPES.length + 2);
    expect(feeds.filter((f) => f.scope.kind === 'country').map((f) => f.links.rss)).toEqual([
      '/feeds/countries/prk.rss',
      '/feeds/countries/rus.rss',
    ]);
  });
});

describe('scopesOf', () => {
  it('names exactly the scopes inScope accepts, for every seed record', async () => {
    const records = await loadSeeds();
    for (const record of records) {
      const expected = feedScopes({ records }).filter((scope) => inScope({ scope, record }));
      expect(
        scopesOf(record)
          .map((scope) => scopeSegment({ scope }))
          .sort(),
      ).toEqual(expected.map((scope) => scopeSegment({ scope })).sort());
    }
  });
});

describe('renderOpml', () => {
  it.each([
    ['atom', undefined],
    ['rss', 'RSS'],
  ] as const)(
    'lists the %s feed of every scope once, as an OPML 2.0 subscription list',
    (format, version) => {
      const feeds = listFeeds([makeBriefing()]);
      const xml = renderOpml({ feeds, siteUrl: 'https://briefing.example.org/', format });
      parseStrict(xml);
      const opml = readXml(xml).opml;
      expect(opml['@_version']).toBe('2.0');
      const outlines = opml.body.outline.flatMap((group: { outline: unknown }) =>
        Array.isArray(group.outline) ? group.outline : [group.outline],
      );
      expect(outlines).toHaveLength(feeds.length);
      expect(new Set(outlines.map((o: Record<string, string>) => o['@_xmlUrl'])).size).toBe(
        feeds.length,
      );
      expect(outlines[0]).toMatchObject({
        '@_type': 'rss',
        '@_xmlUrl': `https://briefing.example.org/feeds/all.${format}`,
        '@_htmlUrl': 'https://briefing.example.org/briefings',
        '@_text': 'Russia–DPRK briefings',
      });
      expect(outlines[0]['@_version']).toBe(version);
      const htmlUrl = (suffix: string) =>
        outlines.find((o: Record<string, string>) => o['@_xmlUrl']!.endsWith(suffix))['@_htmlUrl'];
      expect(htmlUrl(`themes/space.${format}`)).toBe('https://briefing.example.org/themes/space');
      expect(htmlUrl(`types/visit.${format}`)).toBe(
        'https://briefing.example.org/briefings?type=visit',
      );
      expect(htmlUrl(`countries/prk.${format}`)).toBe(
        'https://briefing.example.org/briefings?country=PRK',
      );
    },
  );
});
