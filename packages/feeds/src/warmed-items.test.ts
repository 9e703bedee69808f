import { describe, expect, it } from 'vitest';
import type { Rendered } from './render-on-two-threads.js';
import { FRAGMENT_KINDS } from './render-fragments.js';
import { WarmedItems } from './warmed-items.js';

/** What rendering these ids would give: each kind's fragment names its record and kind. */
function rendered(ids: readonly string[]): Rendered {
  const fragments = new Map(
    FRAGMENT_KINDS.map((kind) => [kind, ids.map((id) => Buffer.from(`${kind}:${id}`))]),
  );
  const digests = new Map(FRAGMENT_KINDS.map((kind) => [kind, ids.map((id) => `d-${kind}-${id}`)]));
  return { ids: [...ids], fragments, digests };
}

describe('WarmedItems', () => {
  it('finds each record by its position among those asked for', () => {
    const warmed = new WarmedItems(['a', 'b', 'c', 'd']);
    expect([...warmed.positionsOf(['c', 'a', 'z'])]).toEqual([2, 0, -1]);
  });

  it("takes a document's items and their digests by position, in the document's order", () => {
    const warmed = new WarmedItems(['a', 'b', 'c', 'd']);
    // Rendered in another order than asked for (as two threads give them back), one left out.
    warmed.put(rendered(['d', 'a', 'c']));
    const taken = warmed.take(warmed.positionsOf(['c', 'a', 'd']), 'atom')!;
    expect(taken.fragments.map(String)).toEqual(['atom:c', 'atom:a', 'atom:d']);
    expect(taken.digests).toEqual(['d-atom-c', 'd-atom-a', 'd-atom-d']);
    expect(warmed.take(warmed.positionsOf([]), 'ics')).toEqual({ fragments: [], digests: [] });
  });

  it('takes nothing for a document with a record not rendered here, or not asked for', () => {
    const warmed = new WarmedItems(['a', 'b', 'c']);
    warmed.put(rendered(['a', 'c', 'x']));
    expect(warmed.take(warmed.positionsOf(['a', 'b']), 'rss')).toBeUndefined();
    expect(warmed.take(warmed.positionsOf(['a', 'x']), 'rss')).toBeUndefined();
    expect(warmed.take(warmed.positionsOf(['c', 'a']), 'rss')?.fragments.map(String)).toEqual([
      'rss:c',
      'rss:a',
    ]);
  });
});
