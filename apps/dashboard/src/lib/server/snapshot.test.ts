import { makeBriefing } from '@briefing/schema/testing';
import { describe, expect, it } from 'vitest';
import { buildSnapshot, nextSnapshot } from './snapshot.js';

const day = (start: string) => ({ start, precision: 'day' as const });
const leg = (id: string, start: string) =>
  makeBriefing({ id, date: day(start), related: [{ id: 'trip', relation: 'part-of' }] });
const trip = makeBriefing({ id: 'trip', date: { ...day('2023-09-12'), end: '2023-09-17' } });
const siteUrl = 'https://briefing.example.org/';

describe('buildSnapshot', () => {
  it('lists the records that link to one in event order, not id order', () => {
    const snapshot = buildSnapshot({
      siteUrl,
      records: [
        leg('a-oceanarium', '2023-09-17'),
        leg('b-knaaz', '2023-09-15'),
        leg('c-vostochny', '2023-09-13'),
        trip,
      ],
    });
    expect(snapshot.related.get('trip')?.map((link) => [link.id, link.direction])).toEqual([
      ['c-vostochny', 'incoming'],
      ['b-knaaz', 'incoming'],
      ['a-oceanarium', 'incoming'],
    ]);
  });

  it('drops the control characters no page or feed may hold', () => {
    const snapshot = buildSnapshot({
      siteUrl,
      records: [makeBriefing({ id: 'bell', title: 'Talks\u0007 held' })],
    });
    expect(snapshot.byId.get('bell')?.title).toBe('Talks held');
  });
});

describe('nextSnapshot', () => {
  it('applies added, changed and removed records to the last snapshot', () => {
    const first = buildSnapshot({
      siteUrl,
      records: [trip, leg('a-oceanarium', '2023-09-17'), leg('b-knaaz', '2023-09-15')],
      dataVersion: 1,
    });
    const next = nextSnapshot({
      previous: first,
      dataVersion: 2,
      documents: first.documents,
      changed: new Map([
        ['a-oceanarium', undefined],
        ['trip', { ...trip, title: 'The trip\u0007, renamed' }],
        ['c-vostochny', leg('c-vostochny', '2023-09-13')],
      ]),
    });
    expect(next.dataVersion).toBe(2);
    expect(next.newestFirst.map((record) => record.id)).toEqual(['b-knaaz', 'c-vostochny', 'trip']);
    expect(next.byId.get('trip')?.title).toBe('The trip, renamed');
    expect(next.related.get('trip')?.map((link) => link.id)).toEqual(['c-vostochny', 'b-knaaz']);
    // The earlier snapshot is left as it was, for requests still rendering from it.
    expect(first.records).toHaveLength(3);
    expect(first.byId.has('a-oceanarium')).toBe(true);
  });
});
