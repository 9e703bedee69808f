import { describe, expect, it } from 'vitest';
import { FragmentCache } from './fragment-cache.js';

const bytes = (size: number) => Buffer.alloc(size, 'x');

describe('FragmentCache', () => {
  it('keeps the items of each feed format within its budget, least recently used out first', () => {
    const cache = new FragmentCache({ maxBytes: 300 });
    cache.set('a', 'atom', bytes(100));
    cache.set('b', 'atom', bytes(100));
    cache.set('c', 'atom', bytes(100));
    cache.get('a', 'atom');
    cache.set('d', 'atom', bytes(100));
    expect(cache.has('b', 'atom')).toBe(false);
    expect(['a', 'c', 'd'].every((id) => cache.has(id, 'atom'))).toBe(true);
    // Each format has a budget of its own.
    cache.set('a', 'rss', bytes(300));
    expect(cache.has('a', 'atom')).toBe(true);
  });

  it('keeps every calendar event, and everything when the budget is Infinity', () => {
    const bounded = new FragmentCache({ maxBytes: 100 });
    const unbounded = new FragmentCache({ maxBytes: Infinity });
    for (let n = 0; n < 50; n++) {
      bounded.set(`r${n}`, 'ics', bytes(100));
      unbounded.set(`r${n}`, 'json', bytes(100));
    }
    for (let n = 0; n < 50; n++) {
      expect(bounded.has(`r${n}`, 'ics')).toBe(true);
      expect(unbounded.has(`r${n}`, 'json')).toBe(true);
    }
  });

  it('keeps, once limited, only the most recently kept items within the new budget', () => {
    const cache = new FragmentCache({ maxBytes: Infinity });
    for (let n = 0; n < 10; n++) {
      cache.set(`r${n}`, 'atom', bytes(100));
      cache.set(`r${n}`, 'ics', bytes(100));
    }
    cache.limit(300);
    expect(['r7', 'r8', 'r9'].every((id) => cache.has(id, 'atom'))).toBe(true);
    expect(cache.has('r6', 'atom')).toBe(false);
    // Calendar events are all kept, as always.
    expect(cache.has('r0', 'ics')).toBe(true);
    // The budget holds from then on, and a larger one later is no reason to keep more.
    cache.set('r10', 'atom', bytes(100));
    expect(cache.has('r7', 'atom')).toBe(false);
    cache.limit(1000);
    cache.set('r11', 'atom', bytes(100));
    expect(cache.has('r8', 'atom')).toBe(false);
  });

  it("drops every kind of a record's items at once", () => {
    const cache = new FragmentCache({ maxBytes: 1000 });
    for (const kind of ['rss', 'atom', 'json', 'ics'] as const) cache.set('a', kind, bytes(10));
    cache.set('b', 'rss', bytes(10));
    cache.delete('a');
    for (const kind of ['rss', 'atom', 'json', 'ics'] as const) {
      expect(cache.get('a', kind)).toBeUndefined();
    }
    expect(cache.has('b', 'rss')).toBe(true);
  });
});
