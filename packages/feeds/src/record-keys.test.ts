import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataCoverage, type Briefing } from '@briefing/schema';
import { makeBriefing } from '@briefing/schema/testing';
import { scopeSegment, scopesOf } from './paths.js';
import { RecordKeys } from './record-keys.js';
import { compareCreation, compareItems } from './to-feed-item.js';

const day = (n: number) => `2024-01-${String(n).padStart(2, '0')}`;

/** A record of a few ids, dates and themes, so that edits collide and reorder. */
const recordArbitrary = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    created: fc.integer({ min: 1, max: 9 }),
    updatedAfter: fc.integer({ min: 0, max: 9 }),
    start: fc.integer({ min: 1, max: 9 }),
    theme: fc.constantFrom('diplomacy', 'space', 'defense') as fc.Arbitrary<
      'diplomacy' | 'space' | 'defense'
    >,
  })
  .map(({ id, created, updatedAfter, start, theme }) => {
    const base = makeBriefing();
    return makeBriefing({
      id,
      themes: [theme],
      date: { start: day(start), precision: 'day' },
      revision: {
        ...base.revision,
        created: day(created),
        updated: day(created + updatedAfter),
        changes: [{ date: day(created), note: 'Added.' }],
      },
    });
  });

const editArbitrary = fc.oneof(
  recordArbitrary.map((record) => ({ set: record })),
  fc.constantFrom('a', 'b', 'c', 'd').map((id) => ({ delete: id })),
);

describe('RecordKeys', () => {
  it('keeps each scope in both orders, and the coverage, through any edits, as starting anew would', () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { maxLength: 40 }), (edits) => {
        const keys = new RecordKeys();
        const records = new Map<string, Briefing>();
        for (const [index, edit] of edits.entries()) {
          if ('set' in edit) {
            keys.set(edit.set);
            records.set(edit.set.id, edit.set);
          } else {
            keys.delete(edit.delete);
            records.delete(edit.delete);
          }
          // What the records cover, worked out edit by edit where it can be.
          if (index % 2 === 0) expect(keys.coverage()).toEqual(dataCoverage([...records.values()]));
          // Reading between edits sorts the lists; later edits then keep them in order.
          if (index % 3 === 0)
            for (const scope of keys.scopes()) keys.items(scopeSegment({ scope }));
          if (index % 4 === 0) keys.itemsByCreation('all');
        }
        for (const scope of keys.scopes()) {
          const segment = scopeSegment({ scope });
          const items = [...keys.items(segment)];
          expect(items).toEqual([...items].sort(compareItems));
          const byCreation = [...keys.itemsByCreation(segment)];
          expect(byCreation).toEqual([...byCreation].sort(compareCreation));
          expect(new Set(byCreation)).toEqual(new Set(items));
          // Exactly the records in the scope.
          const members = [...records.values()].filter((record) =>
            scopesOf(record).some((of) => scopeSegment({ scope: of }) === segment),
          );
          expect(items.map((item) => item.recordId).sort()).toEqual(
            members.map((record) => record.id).sort(),
          );
        }
        const all = [...keys.items('all')].map((item) => item.recordId).sort();
        expect(all).toEqual([...keys.ids()].sort());
      }),
      { numRuns: 300 },
    );
  });
});
