import { describe, expect, it } from 'vitest';
import { sortBriefings } from './sort.js';
import { makeBriefing } from './test-support/fixtures.js';

const day = (start: string, end?: string) => ({
  start,
  ...(end ? { end } : {}),
  precision: 'day' as const,
});
const a = makeBriefing({ id: 'a', title: 'Zeta talks', date: day('2023-10-18', '2023-10-19') });
const b = makeBriefing({ id: 'b', title: 'alpha visit', date: day('2023-10-18') });
const c = makeBriefing({ id: 'c', title: 'Émigré delegation', date: day('2023-09-13') });
const d = makeBriefing({ id: 'd', title: 'Beta call', date: day('2023-10-18') });
const monthLong = makeBriefing({
  id: 'e',
  title: 'October exchanges',
  date: { start: '2023-10-01', precision: 'month' },
});
const records = [a, b, c, d, monthLong];
const updated = (id: string, date: string, start = '2023-10-18') =>
  makeBriefing({
    id,
    date: day(start),
    revision: { created: '2024-01-01', updated: date, changes: [{ date, note: 'x' }] },
  });

describe('sortBriefings', () => {
  it.each([
    [
      'date ascending: start, then end, then id',
      { by: 'date', order: 'asc' },
      ['c', 'e', 'b', 'd', 'a'],
    ],
    ['date by default', {}, ['c', 'e', 'b', 'd', 'a']],
    ['date descending', { by: 'date', order: 'desc' }, ['a', 'd', 'b', 'e', 'c']],
    ['title, ignoring case and accents', { by: 'title' }, ['b', 'd', 'c', 'e', 'a']],
  ] as const)('sorts by %s', (_name, options, expected) => {
    expect(sortBriefings({ records, ...options }).map((r) => r.id)).toEqual(expected);
  });

  it('sorts by last update, ties by id', () => {
    const found = sortBriefings({
      records: [updated('x', '2024-03-01'), updated('y', '2024-02-01'), updated('w', '2024-03-01')],
      by: 'updated',
      order: 'desc',
    });
    expect(found.map((r) => r.id)).toEqual(['x', 'w', 'y']);
  });

  it('sorts records updated on one day by event date, as the feeds do', () => {
    const found = sortBriefings({
      records: [
        updated('older-event', '2024-03-01', '2023-07-25'),
        updated('newer-event', '2024-03-01', '2025-06-17'),
        updated('earlier-update', '2024-02-01', '2025-10-01'),
      ],
      by: 'updated',
      order: 'desc',
    });
    expect(found.map((r) => r.id)).toEqual(['newer-event', 'older-event', 'earlier-update']);
  });

  it('returns a copy and leaves the input in its order', () => {
    const input = [...records];
    const sorted = sortBriefings({ records: input });
    expect(sorted).not.toBe(input);
    expect(input.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
