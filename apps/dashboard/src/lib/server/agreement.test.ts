// The apps must agree on the seed data: a feed holds the newest records of the list its <link>
// points to, every count links to a list of that many records, the calendar holds the list's
// records. Each side is computed by its own code path; only the seeds are shared.
import {
  CALENDAR_SIZE,
  buildFeeds,
  calendarYears,
  feedLinks,
  feedScopes,
  type FeedSet,
} from '@briefing/feeds';
import { fileText, loadSeeds } from '@briefing/feeds/testing';
import {
  THEMES,
  countEngagements,
  engagementIds,
  groupByMonthAndTheme,
  type Briefing,
} from '@briefing/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutHeatmap } from '../charts/heatmap-layout.js';
import { periodCounts } from '../charts/period-counts.js';
import { countPlaces } from '../charts/place-counts.js';
import { listView } from '../list-query.js';
import { buildOverview, cellsCounting } from './overview.js';
import { buildSnapshot, type Snapshot } from './snapshot.js';

const SITE = 'https://briefing.example.org';
let snapshot: Snapshot;
let feeds: FeedSet;

beforeAll(async () => {
  snapshot = buildSnapshot({ records: await loadSeeds(), siteUrl: SITE });
  feeds = buildFeeds({ records: snapshot.records, siteUrl: SITE });
});

/**
 * Every record id the list shows at a site-relative URL, across all its pages, counting records
 * (feeds and calendars hold records) unless the URL says otherwise.
 */
function listIds(href: string): string[] {
  const url = new URL(href, SITE);
  // A theme page lists the theme's records: the same as the list filtered by it.
  const theme = /^\/themes\/([a-z-]+)$/.exec(url.pathname)?.[1];
  if (theme !== undefined) url.search = `?theme=${theme}`;
  else expect(url.pathname).toBe('/briefings');
  if (!url.searchParams.has('count')) url.searchParams.set('count', 'records');
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    url.searchParams.set('page', String(page));
    const view = listView({ newestFirst: snapshot.newestFirst, params: url.searchParams });
    ids.push(...view.items.map((item) => item.id));
    if (page >= view.pageCount) return ids;
  }
}

function listTotal(href: string): number {
  const url = new URL(href, SITE);
  return listView({ newestFirst: snapshot.newestFirst, params: url.searchParams }).total;
}

const byUpdated = (ids: readonly string[]) =>
  ids
    .map((id) => snapshot.byId.get(id)!)
    .sort((a: Briefing, b: Briefing) => b.revision.updated.localeCompare(a.revision.updated));

describe('the feeds and the lists they link to', () => {
  it('hold, for every theme, type and country feed, the newest records of the linked list', () => {
    const scopes = feedScopes({ records: snapshot.records });
    expect(scopes.some((scope) => scope.kind === 'country' && scope.code === 'PRK')).toBe(true);
    for (const scope of scopes) {
      const path = feedLinks({ scope }).json;
      const feed = JSON.parse(fileText(feeds, path)) as {
        home_page_url: string;
        items: { id: string }[];
      };
      const feedIds = feed.items.map((item) => item.id.replace(/^.*:briefing\//, ''));
      const listed = listIds(feed.home_page_url);
      const newest = byUpdated(listed).slice(0, 50);
      expect(new Set(feedIds), path).toEqual(new Set(newest.map((record) => record.id)));
      // Only ties at the 50th update could make these differ: the seeds have fewer per scope.
      expect(feedIds.length, path).toBe(Math.min(50, listed.length));
    }
  });

  it('give the PRK feed, with its archives, the same records as /briefings?country=PRK', () => {
    const documents = [...feeds.files.keys()].filter(
      (path) =>
        path === '/feeds/countries/prk.json' ||
        /^\/feeds\/archive\/countries\/prk\/\d+\.json$/.test(path),
    );
    const ids = new Set(
      documents.flatMap((path) =>
        (JSON.parse(fileText(feeds, path)) as { items: { id: string }[] }).items.map((item) =>
          item.id.replace(/^.*:briefing\//, ''),
        ),
      ),
    );
    expect(ids).toEqual(new Set(listIds('/briefings?country=PRK')));
    expect(ids.size).toBe(listTotal('/briefings?country=PRK&count=records'));
  });

  const uidsIn = (path: string) =>
    [...fileText(feeds, path).matchAll(/^UID:(.+)@/gm)].map((match) => match[1]!.trim());

  it('put in the calendar exactly the records of the list (fewer than its size)', () => {
    expect(listTotal('/briefings?count=records')).toBeLessThanOrEqual(CALENDAR_SIZE);
    const uids = uidsIn('/feeds/calendar.ics');
    expect(new Set(uids)).toEqual(new Set(listIds('/briefings')));
    expect(uids.length).toBe(listTotal('/briefings?count=records'));
  });

  it("put in each year's calendar the records of the list that begin in that year", () => {
    const years = calendarYears(snapshot.records);
    expect(years.length).toBeGreaterThan(1);
    for (const { year, path } of years) {
      const uids = uidsIn(path);
      const href = `/briefings?from=${year}-01-01&to=${year}-12-31`;
      // The list's date filter is by overlap: a year's calendar holds those that begin in it.
      const listed = listIds(href).filter(
        (id) =>
          snapshot.records.find((record) => record.id === id)!.date.start.slice(0, 4) === year,
      );
      expect(new Set(uids), path).toEqual(new Set(listed));
      expect(uids.length, path).toBe(listed.length);
    }
  });
});

describe('the overview and the lists it links to', () => {
  it('counts as many records as the full list counting records', () => {
    expect(buildOverview({ snapshot, today: '2026-01-01' }).counts.records).toBe(
      listTotal('/briefings?count=records'),
    );
  });

  it('counts the Sep 2023 trip, its legs and the remarks on it as one engagement', () => {
    const engagements = countEngagements({ records: snapshot.records });
    expect(listTotal('/briefings')).toBe(engagements);
    expect(engagements).toBeLessThan(snapshot.records.length);
    const trip = listView({
      newestFirst: snapshot.newestFirst,
      params: new URLSearchParams('from=2023-09-12&to=2023-09-17'),
    }).items.find((item) => item.id === 'kim-jong-un-russia-trip-2023-09');
    expect(trip?.legs?.map((leg) => leg.id)).toEqual([
      'kim-putin-vostochny-2023-09',
      'kremlin-remarks-after-vostochny-2023-09',
      'kim-knaaz-komsomolsk-2023-09',
      'kim-knevichi-shaposhnikov-2023-09',
      'kim-russky-island-oceanarium-2023-09',
    ]);
  });

  it.each(['engagements', 'records'] as const)(
    'gives every heatmap cell the count of the list it links to, counting %s',
    (count) => {
      const ids = engagementIds({ records: snapshot.records });
      const layout = layoutHeatmap({
        counts: periodCounts(
          cellsCounting({
            cells: groupByMonthAndTheme({ records: snapshot.records, count, ids }),
            count,
            ids,
          }),
        ),
        themes: THEMES.map((theme) => theme.id),
        count,
      })!;
      expect(layout.cells.length).toBeGreaterThan(0);
      for (const cell of layout.cells) expect(listTotal(cell.href), cell.href).toBe(cell.count);
    },
  );

  it('gives every place the count of engagements of the list of that place', () => {
    const engagementOf = engagementIds({ records: snapshot.records });
    for (const place of countPlaces({ records: snapshot.records, engagementOf })) {
      const total = listTotal(`/briefings?place=${encodeURIComponent(place.name)}`);
      expect(total, place.name).toBe(place.count);
    }
  });
});
