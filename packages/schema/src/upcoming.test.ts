import { describe, expect, it } from 'vitest';
import type { Briefing } from './briefing.js';
import { makeBriefing } from './test-support/fixtures.js';
import { splitUpcoming } from './upcoming.js';

const today = '2024-06-15';
const at = (id: string, date: Briefing['date'], status: Briefing['status'] = 'occurred') =>
  makeBriefing({ id, date, status });

describe('splitUpcoming', () => {
  it.each([
    ['ended yesterday', at('x', { start: '2024-06-14', precision: 'day' }), 'past'],
    ['happens today', at('x', { start: '2024-06-15', precision: 'day' }), 'upcoming'],
    [
      'ends today',
      at('x', { start: '2024-06-10', end: '2024-06-15', precision: 'day' }),
      'upcoming',
    ],
    ['starts tomorrow', at('x', { start: '2024-06-16', precision: 'day' }), 'upcoming'],
    ['spans this month', at('x', { start: '2024-06-01', precision: 'month' }), 'upcoming'],
    ['spans last month', at('x', { start: '2024-05-01', precision: 'month' }), 'past'],
    [
      'was announced, date passed',
      at('x', { start: '2024-01-10', precision: 'day' }, 'announced'),
      'upcoming',
    ],
    ['was postponed', at('x', { start: '2024-01-10', precision: 'day' }, 'postponed'), 'upcoming'],
    [
      'was cancelled, date ahead',
      at('x', { start: '2024-07-01', precision: 'day' }, 'cancelled'),
      'upcoming',
    ],
    [
      'was cancelled, date passed',
      at('x', { start: '2024-01-01', precision: 'day' }, 'cancelled'),
      'past',
    ],
  ])('puts a record that %s in %s', (_name, record, expected) => {
    const { upcoming, past } = splitUpcoming({ records: [record], today });
    expect(expected === 'upcoming' ? upcoming : past).toEqual([record]);
  });

  it('keeps the input order in both lists', () => {
    const records = [
      at('b', { start: '2025-01-01', precision: 'day' }),
      at('a', { start: '2020-01-01', precision: 'day' }),
      at('c', { start: '2024-12-01', precision: 'day' }),
    ];
    const { upcoming, past } = splitUpcoming({ records, today });
    expect(upcoming.map((r) => r.id)).toEqual(['b', 'c']);
    expect(past.map((r) => r.id)).toEqual(['a']);
  });
});
