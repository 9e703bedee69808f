import fc from 'fast-check';
import { generateBriefings, makeBriefing } from '@briefing/schema/testing';
import { arbitraryEventDate } from '@briefing/schema/testing/arbitraries';
import type { Briefing } from '@briefing/schema';
import { describe, expect, it } from 'vitest';
import { buildSnapshot, nextSnapshot, snapshotEngagements } from './snapshot.js';

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

  it('gives what a snapshot of its records made afresh gives, whatever changed', () => {
    const records = generateBriefings({ count: 60, seed: 3 });
    const first = buildSnapshot({ siteUrl, records, dataVersion: 1 });
    snapshotEngagements(first);
    const change = fc.record({
      pick: fc.nat({ max: 79 }),
      what: fc.constantFrom('retitle', 'rename', 'move', 'relink', 'remove', 'add'),
      date: arbitraryEventDate,
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), (changes) => {
        const changed = new Map<string, Briefing | undefined>();
        for (const { pick, what, date } of changes) {
          const record = records[pick % records.length]!;
          if (what === 'retitle') changed.set(record.id, { ...record, title: `${record.title}!` });
          else if (what === 'rename') {
            const actors = record.actors.map((actor, n) =>
              n === 0 ? { ...actor, name: 'X' } : actor,
            );
            changed.set(record.id, { ...record, actors });
          } else if (what === 'relink') {
            const target = records[(pick + 1) % records.length]!.id;
            changed.set(record.id, { ...record, related: [{ id: target, relation: 'part-of' }] });
          } else if (what === 'remove') changed.set(record.id, undefined);
          else if (what === 'move') changed.set(record.id, { ...record, date });
          else changed.set(`added-${pick}`, { ...record, id: `added-${pick}`, date });
        }
        const next = nextSnapshot({
          previous: first,
          changed,
          dataVersion: 2,
          documents: first.documents,
        });
        const afresh = buildSnapshot({ siteUrl, records: next.records, clean: false });
        const ids = (list: readonly Briefing[]) => list.map((record) => record.id);
        expect(ids(next.newestFirst)).toEqual(ids(afresh.newestFirst));
        expect(next.related).toEqual(afresh.related);
        expect(next.facets).toEqual(afresh.facets);
        expect(snapshotEngagements(next)).toEqual(snapshotEngagements(afresh));
      }),
    );
  });
});
