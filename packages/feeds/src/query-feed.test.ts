import { afterEach, describe, expect, it } from 'vitest';
import { filterBriefings, sortBriefings, type BriefingQuery } from '@briefing/schema';
import { generateBriefings } from '@briefing/schema/testing';
import { QUERY_FEED_SIZE, queryFeedPath, respondToQueryFeed } from './query-feed.js';
import { makeStoreFixture, type StoreFixture } from './test-support/store-fixture.js';
import { readXml, textOf } from './test-support/xml.js';

const SITE = 'https://briefing.example.org/';
const fixtures: StoreFixture[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) await fixture.close();
});

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const request = (headers: Record<string, string> = {}, method = 'GET') =>
  new Request('https://briefing.example.org/feeds/view.atom', { method, headers });

describe('respondToQueryFeed', { timeout: 30_000 }, () => {
  const records = generateBriefings({ count: 200 });

  it.each<[string, BriefingQuery]>([
    ['every record', {}],
    ['a theme', { themes: ['defense'] }],
    ['a country and a date range', { countries: ['PRK'], from: '2020-01-01', to: '2028-12-31' }],
    ['search text', { text: 'railway' }],
  ])('holds exactly the newest records of the list for %s, in its order', async (_, query) => {
    const fixture = await makeStoreFixture(records);
    fixtures.push(fixture);
    const expected = sortBriefings({
      records: filterBriefings({ records, query }),
      by: 'date',
      order: 'desc',
    })
      .slice(0, QUERY_FEED_SIZE)
      .map((record) => `tag:briefing.example.org,2023:briefing/${record.id}`);
    expect(expected.length).toBeGreaterThan(0);
    const response = respondToQueryFeed({
      store: fixture.store,
      siteUrl: SITE,
      query,
      format: 'atom',
      request: request(),
    });
    expect(response.status).toBe(200);
    const feed = readXml(await response.text()).feed;
    expect(asArray(feed.entry).map((entry: { id: unknown }) => textOf(entry.id))).toEqual(expected);
    const self = asArray(feed.link).find(
      (link: Record<string, string>) => link['@_rel'] === 'self',
    ) as Record<string, string>;
    expect(self['@_href']).toBe(new URL(queryFeedPath({ query, format: 'atom' }), SITE).href);
  });

  it('answers 304 to its ETag, and changes when a record of the query changes', async () => {
    const fixture = await makeStoreFixture(records);
    fixtures.push(fixture);
    const query: BriefingQuery = { themes: ['trade-energy'] };
    const ask = (headers: Record<string, string> = {}) =>
      respondToQueryFeed({
        store: fixture.store,
        siteUrl: SITE,
        query,
        format: 'rss',
        request: request(headers),
      });
    const first = ask();
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('vary')).toBe('Accept-Encoding');
    expect(ask({ 'if-none-match': etag }).status).toBe(304);
    const newest = sortBriefings({
      records: filterBriefings({ records, query }),
      by: 'date',
      order: 'desc',
    })[0]!;
    await fixture.write({ ...newest, title: 'Renamed in the store' });
    const after = ask({ 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Renamed in the store');
  });
});
