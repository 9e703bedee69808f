import fc from 'fast-check';
import { sortBriefings, type Briefing } from '@briefing/schema';
import { makeBriefing } from '@briefing/schema/testing';
import { arbitraryEventDate } from '@briefing/schema/testing/arbitraries';
import { describe, expect, it } from 'vitest';
import { periodCounts } from '../charts/period-counts.js';
import {
  buildOverview,
  cellsCounting,
  dataSpan,
  lastUpdated,
  overviewPeriods,
} from './overview.js';
import { buildSnapshot } from './snapshot.js';

describe('lastUpdated', () => {
  it('gives the first records of every record sorted by update, newest first', () => {
    // Few update days, so that many records share one (ties go by event date, then id).
    const record = fc.record({
      updated: fc.constantFrom('2024-01-01', '2024-01-02', '2024-02-01', '2025-01-01'),
      date: arbitraryEventDate,
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.nat({ max: 8 }), (drawn, count) => {
        const records = drawn.map(({ updated, date }, index) =>
          makeBriefing({
            id: `r${index}`,
            date,
            revision: { created: '2024-01-01', updated, changes: [{ date: updated, note: 'x' }] },
          }),
        );
        const ids = (list: readonly Briefing[]) => list.map((r) => r.id);
        expect(ids(lastUpdated({ records, count }))).toEqual(
          ids(sortBriefings({ records, by: 'updated', order: 'desc' }).slice(0, count)),
        );
      }),
    );
  });
});

describe('overviewPeriods', () => {
  it('counts the cells by month and year, again only when the cells or the engagements change', () => {
    const cells = Object.freeze([
      { month: '2024-01', theme: 'diplomacy' as const, count: 2, ids: ['a', 'b'] },
      { month: '2024-02', theme: 'diplomacy' as const, count: 1, ids: ['b'] },
    ]);
    const ids = new Map([
      ['a', 'a'],
      ['b', 'b'],
    ]);
    const first = overviewPeriods({ cells, count: 'engagements', ids });
    expect(first).toEqual(periodCounts(cellsCounting({ cells, count: 'engagements', ids })));
    expect(first.years).toEqual([{ period: '2024', theme: 'diplomacy', count: 2 }]);
    expect(overviewPeriods({ cells, count: 'engagements', ids })).toBe(first);
    // b joined a's engagement: a new map of engagements, counted again.
    const joined = new Map([
      ['a', 'a'],
      ['b', 'a'],
    ]);
    expect(overviewPeriods({ cells, count: 'engagements', ids: joined }).years).toEqual([
      { period: '2024', theme: 'diplomacy', count: 1 },
    ]);
    expect(overviewPeriods({ cells, count: 'records', ids: joined }).years).toEqual([
      { period: '2024', theme: 'diplomacy', count: 2 },
    ]);
  });
});

describe('dataSpan', () => {
  it('runs from the earliest start to the latest end, each to its precision', () => {
    const span = dataSpan([
      makeBriefing({
        id: 'shoigu',
        date: { start: '2023-07-25', end: '2023-07-27', precision: 'day' },
      }),
      makeBriefing({ id: 'later', date: { start: '2025-10-31', precision: 'day' } }),
      // Starts before `later` but ends after it.
      makeBriefing({
        id: 'long',
        date: { start: '2025-10-01', end: '2025-11-30', precision: 'month' },
      }),
    ]);
    expect(span).toEqual({ from: '25 Jul 2023', to: 'Nov 2025' });
  });

  it('is undefined without records', () => {
    expect(dataSpan([])).toBeUndefined();
  });
});

describe('latest updates', () => {
  it('names a record never edited since it was written as added, not updated', () => {
    const created = { created: '2026-11-27', updated: '2026-11-27' };
    const snapshot = buildSnapshot({
      siteUrl: 'https://briefing.example.org/',
      records: [
        makeBriefing({
          id: 'new-record',
          revision: { ...created, changes: [{ date: '2026-11-27', note: 'Drawn from row 33' }] },
        }),
        makeBriefing({
          id: 'edited-record',
          revision: {
            ...created,
            changes: [
              { date: '2026-11-27', note: 'Drawn from row 6' },
              { date: '2026-11-27', note: 'Sources added' },
            ],
          },
        }),
      ],
    });
    const updates = buildOverview({ snapshot }).latestUpdates;
    expect(
      updates
        .map(({ id, action, change }) => ({ id, action, change }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([
      { id: 'edited-record', action: 'Updated', change: 'Sources added' },
      { id: 'new-record', action: 'Added', change: 'Drawn from row 33' },
    ]);
  });
});

function withoutAnnouncedOn(record: Briefing): Briefing {
  const { announcedOn: _, ...rest } = record;
  return rest;
}

describe('latest announced', () => {
  it('shows an announced engagement once, not also the record of its announcement', () => {
    const snapshot = buildSnapshot({
      siteUrl: 'https://briefing.example.org/',
      records: [
        makeBriefing({ id: 'visit', announcedOn: '2023-10-16' }),
        withoutAnnouncedOn(
          makeBriefing({
            id: 'visit-announced',
            type: 'announcement',
            related: [{ id: 'visit', relation: 'announces' }],
          }),
        ),
        withoutAnnouncedOn(makeBriefing({ id: 'other-announcement', type: 'announcement' })),
        withoutAnnouncedOn(makeBriefing({ id: 'not-announced' })),
      ],
    });
    expect(
      buildOverview({ snapshot })
        .latestAnnounced.map((item) => item.id)
        .sort(),
    ).toEqual(['other-announcement', 'visit']);
  });
});

describe('announced and upcoming', () => {
  // Dated after the stale data's update, before today: upcoming only as of that update.
  const planned = (updated: string) =>
    makeBriefing({
      id: 'planned-visit',
      status: 'occurred',
      date: { start: '2025-06-01', precision: 'month' },
      revision: { created: updated, updated, changes: [{ date: updated, note: 'Added.' }] },
    });
  const overviewOf = (records: Briefing[], today: string) =>
    buildOverview({
      snapshot: buildSnapshot({ siteUrl: 'https://briefing.example.org/', records }),
      today,
    });

  it('speaks as of today when the data was updated within the month', () => {
    const overview = overviewOf([planned('2026-11-20')], '2026-12-04');
    expect(overview.asOf).toEqual({ date: '4 Dec 2026', stale: false });
    expect(overview.updated).toBe('20 Nov 2026');
    expect(overview.upcoming).toEqual([]);
  });

  it('speaks as of the last update when the data is over a month old', () => {
    const overview = overviewOf([planned('2025-01-10')], '2026-12-04');
    expect(overview.asOf).toEqual({ date: '10 Jan 2025', stale: true });
    expect(overview.upcoming.map((item) => item.id)).toEqual(['planned-visit']);
  });
});
