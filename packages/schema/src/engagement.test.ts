import { describe, expect, it } from 'vitest';
import type { Briefing } from './briefing.js';
import {
  countEngagements,
  engagementCycles,
  engagementIds,
  groupEngagements,
} from './engagement.js';
import { groupByMonthAndTheme } from './group.js';
import { loadBriefings } from './node/load-briefings.js';
import { makeBriefing } from './test-support/fixtures.js';
import { SEED_TRIP_2023_09, SEEDS_DIR } from './test-support/seed-engagements.js';
import type { RelationKind } from './vocabulary.js';

const links = (id: string, ...related: [string, RelationKind][]) => ({
  id,
  related: related.map(([target, relation]) => ({ id: target, relation })),
});

const dated = (id: string, start: string, ...related: [string, RelationKind][]): Briefing =>
  makeBriefing({ ...links(id, ...related), date: { start, precision: 'day' } });

describe('engagementIds', () => {
  it.each<[string, { id: string; related?: Briefing['related'] }[], Record<string, string>]>([
    [
      'legs part of a trip, a statement following a leg, an announcement of the trip',
      [
        links('trip'),
        links('leg-1', ['trip', 'part-of']),
        links('leg-2', ['trip', 'part-of']),
        links('remarks', ['leg-1', 'follows']),
        links('announced', ['trip', 'announces']),
      ],
      { trip: 'trip', 'leg-1': 'trip', 'leg-2': 'trip', remarks: 'trip', announced: 'trip' },
    ],
    [
      'a record that supersedes another, which stays apart',
      [links('old'), links('new', ['old', 'supersedes'])],
      { old: 'old', new: 'new' },
    ],
    [
      'a link to a missing record, or to itself',
      [links('a', ['ghost', 'part-of']), links('b', ['b', 'follows'])],
      { a: 'a', b: 'b' },
    ],
    [
      'the first grouping link to an existing record, after a missing one',
      [links('a', ['ghost', 'part-of'], ['b', 'supersedes'], ['c', 'follows'], ['b', 'part-of'])],
      { a: 'a' },
    ],
    [
      'a cycle: each of its records its own engagement, a record leading into it grouped there',
      [links('a', ['b', 'follows']), links('b', ['a', 'part-of']), links('c', ['a', 'part-of'])],
      { a: 'a', b: 'b', c: 'a' },
    ],
    [
      'a chain resolved whatever the order of the records',
      [
        links('d', ['c', 'part-of']),
        links('c', ['b', 'follows']),
        links('b', ['a', 'announces']),
        links('a'),
      ],
      { a: 'a', b: 'a', c: 'a', d: 'a' },
    ],
  ])('groups %s', (_name, records, expected) => {
    expect(Object.fromEntries(engagementIds({ records }))).toEqual(expected);
    expect(Object.fromEntries(engagementIds({ records: [...records].reverse() }))).toEqual(
      expected,
    );
  });

  it('takes the first of records that share an id', () => {
    const records = [links('a', ['b', 'part-of']), links('a'), links('b')];
    expect(engagementIds({ records }).get('a')).toBe('b');
  });
});

describe('engagementCycles', () => {
  it('lists each cycle once, from its least id, and nothing for a chain', () => {
    const records = [
      links('c', ['a', 'follows']),
      links('a', ['b', 'follows']),
      links('b', ['c', 'part-of']),
      links('x', ['y', 'part-of']),
      links('y'),
    ];
    expect(engagementCycles({ records })).toEqual([['a', 'b', 'c']]);
  });
});

describe('groupEngagements', () => {
  it('groups records by engagement, members by date, groups by their first date', () => {
    const records = [
      dated('trip', '2023-09-12'),
      dated('leg-2', '2023-09-15', ['trip', 'part-of']),
      dated('leg-1', '2023-09-13', ['trip', 'part-of']),
      dated('earlier', '2023-01-01'),
    ];
    expect(
      groupEngagements({ records }).map((g) => [g.id, g.lead.id, g.members.map((m) => m.id)]),
    ).toEqual([
      ['earlier', 'earlier', ['earlier']],
      ['trip', 'trip', ['trip', 'leg-1', 'leg-2']],
    ]);
  });

  it('leads a group by its first member when the root is not among the records', () => {
    const all = [
      dated('trip', '2023-09-12'),
      dated('leg-2', '2023-09-15', ['trip', 'part-of']),
      dated('leg-1', '2023-09-13', ['trip', 'part-of']),
    ];
    const ids = engagementIds({ records: all });
    const [group] = groupEngagements({ records: all.slice(1), ids });
    expect([group?.id, group?.lead.id, group?.members.map((m) => m.id)]).toEqual([
      'trip',
      'leg-1',
      ['leg-1', 'leg-2'],
    ]);
    expect(countEngagements({ records: all.slice(1), ids })).toBe(1);
    expect(countEngagements({ records: all.slice(1) })).toBe(2);
  });
});

describe('the seed records', () => {
  it('count the Sep 2023 trip of Kim Jong Un as one engagement, Defense in Sep 2023 once', async () => {
    const { records } = await loadBriefings({ dir: SEEDS_DIR });
    const ids = engagementIds({ records });
    const trip = groupEngagements({ records, ids }).find(
      (group) => group.id === SEED_TRIP_2023_09.root,
    );
    expect(trip?.members.map((member) => member.id).sort()).toEqual(SEED_TRIP_2023_09.members);
    const defense = (count: 'records' | 'engagements') =>
      groupByMonthAndTheme({ records, count }).find(
        (cell) => cell.month === '2023-09' && cell.theme === 'defense',
      )?.count;
    expect(defense('engagements')).toBe(1);
    expect(defense('records')).toBeGreaterThan(1);
  });
});
