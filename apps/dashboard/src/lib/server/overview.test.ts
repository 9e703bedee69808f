import type { Briefing } from '@briefing/schema';
import { makeBriefing } from '@briefing/schema/testing';
import { describe, expect, it } from 'vitest';
import { buildOverview, dataSpan } from './overview.js';
import { buildSnapshot } from './snapshot.js';

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
