import fc from 'fast-check';
import { makeBriefing } from '@briefing/schema/testing';
import type { Briefing } from '@briefing/schema';
import { describe, expect, it } from 'vitest';
import { RecordsById } from './records-by-id.js';

const record = (id: string, title = `Record ${id}`) => makeBriefing({ id, title });

describe('RecordsById', () => {
  it('answers with the changes laid over the records, each layer as it was made', () => {
    const first = RecordsById.of([record('a'), record('b'), record('c')]);
    const changes = new Map<string, Briefing | undefined>([
      ['a', record('a', 'A, edited')],
      ['b', undefined],
      ['d', record('d')],
    ]);
    const second = first.with(changes, [record('a', 'A, edited'), record('c'), record('d')]);
    expect(second.get('a')?.title).toBe('A, edited');
    expect(second.has('b')).toBe(false);
    expect(second.get('c')?.title).toBe('Record c');
    expect(second.get('d')?.title).toBe('Record d');
    expect(second.has('e')).toBe(false);
    expect(second.layers).toBe(2);
    // The earlier records are left as they were, for requests still reading them.
    expect(first.get('a')?.title).toBe('Record a');
    expect(first.has('b')).toBe(true);
    expect(first.has('d')).toBe(false);
  });

  it('gives what one map of the records gives, whatever the changes and when it is flattened', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const step = fc.record({
      changes: fc.array(
        fc.tuple(
          fc.constantFrom(...ids),
          fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
        ),
        { maxLength: 4 },
      ),
      flatten: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 80 }), async (steps) => {
        let model = new Map(['a', 'b', 'c'].map((id) => [id, record(id)]));
        let current = RecordsById.of([...model.values()]);
        const pending: Promise<void>[] = [];
        for (const { changes, flatten } of steps) {
          const changed = new Map<string, Briefing | undefined>();
          for (const [id, title] of changes) {
            changed.set(id, title === undefined ? undefined : record(id, title));
          }
          model = new Map(model);
          for (const [id, next] of changed) {
            if (next === undefined) model.delete(id);
            else model.set(id, next);
          }
          const records = [...model.values()];
          current = current.with(changed, records);
          // A flattening left running while the next changes are laid over it.
          if (flatten) pending.push(current.flatten(records));
          expect(current.layers).toBeLessThanOrEqual(64);
          for (const id of ids) expect(current.get(id), id).toBe(model.get(id));
        }
        await Promise.all(pending);
        for (const id of ids) expect(current.get(id), id).toBe(model.get(id));
      }),
    );
  });

  it('is one map again once flattened, a slice of records at a time', async () => {
    let current = RecordsById.of([record('a')]);
    const all = [record('a')];
    for (let n = 0; n < 10; n += 1) {
      all.push(record(`r${n}`));
      current = current.with(new Map([[`r${n}`, all.at(-1)]]), [...all]);
    }
    expect(current.layers).toBe(11);
    const flattening = current.flatten(all);
    // Answers the same meanwhile.
    expect(current.get('r3')).toBe(all[4]);
    await flattening;
    expect(current.layers).toBe(1);
    expect(current.get('r3')).toBe(all[4]);
    expect(current.get('a')).toBe(all[0]);
  });
});
