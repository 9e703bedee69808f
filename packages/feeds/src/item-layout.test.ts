import { describe, expect, it } from 'vitest';
import { encodeItemLayout, layoutOf, parseItemLayout, ReusableItems } from './item-layout.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('layoutOf and ReusableItems', () => {
  // A JSON Feed-like document: head, items with separators, tail (one item is not ASCII).
  const parts = ['{"items":[', '{"id":"a"}', ',', '{"id":"bé"}', ']}'].map(bytes);
  const document = Buffer.concat(parts);
  const layout = layoutOf({ ids: ['a', 'b'], hashes: ['h1', 'h2'], parts, separated: true })!;

  it('locates each item by byte offset, separators skipped', () => {
    expect(layout).toEqual({
      ids: ['a', 'b'],
      hashes: ['h1', 'h2'],
      starts: [10, 21],
      lengths: [10, 12],
    });
    expect(parseItemLayout(encodeItemLayout(layout))).toEqual(layout);
  });

  it('gives an item back only while its record has the hash it was rendered from', () => {
    const reads: string[] = [];
    const items = new ReusableItems({
      layouts: [['/feeds/all.json', layout]],
      read: (path) => (reads.push(path), document),
    });
    expect(items.take({ id: 'b', kind: 'json', hash: 'h2' })?.toString()).toBe('{"id":"bé"}');
    expect(items.take({ id: 'a', kind: 'json', hash: 'h1' })?.toString()).toBe('{"id":"a"}');
    expect(items.take({ id: 'a', kind: 'json', hash: 'changed' })).toBeUndefined();
    expect(items.take({ id: 'a', kind: 'rss', hash: 'h1' })).toBeUndefined();
    expect(items.take({ id: 'c', kind: 'json', hash: 'h1' })).toBeUndefined();
    // Each file is read once.
    expect(reads).toEqual(['/feeds/all.json']);
  });

  it('renders again rather than trust a file shorter than its layout, or one that is gone', () => {
    const short = new ReusableItems({
      layouts: [['/feeds/all.json', layout]],
      read: () => document.subarray(0, 25),
    });
    expect(short.take({ id: 'b', kind: 'json', hash: 'h2' })).toBeUndefined();
    const gone = new ReusableItems({
      layouts: [['/feeds/all.json', layout]],
      read: () => undefined,
    });
    expect(gone.take({ id: 'a', kind: 'json', hash: 'h1' })).toBeUndefined();
  });

  it('reads the first items of a file one by one, and the file whole once many are taken', () => {
    // Twenty one-letter items: {"items":[x0,x1,…]}.
    const ids = Array.from({ length: 20 }, (_, index) => `r${index}`);
    const many = [bytes('{"items":['), ...ids.map((id) => bytes(`"${id}"`)), bytes(']}')];
    const big = layoutOf({ ids, hashes: ids, parts: many, separated: false })!;
    const file = Buffer.concat(many);
    const reads: string[] = [];
    const items = new ReusableItems({
      layouts: [['/feeds/all.json', big]],
      read: (path) => (reads.push(`${path} whole`), file),
      readRange: (path, start, length) => (
        reads.push(`${path} ${start}+${length}`),
        file.subarray(start, start + length)
      ),
    });
    for (const id of ids) {
      expect(items.take({ id, kind: 'json', hash: id })?.toString()).toBe(`"${id}"`);
    }
    expect(reads.slice(0, 2)).toEqual(['/feeds/all.json 10+4', '/feeds/all.json 14+4']);
    expect(reads.filter((read) => read.endsWith('whole'))).toHaveLength(1);
    expect(reads).toHaveLength(8);
    // A range cut short (the file changed or shrank): rendered again, not trusted.
    const short = new ReusableItems({
      layouts: [['/feeds/all.json', big]],
      read: () => file,
      readRange: (_path, start, length) => file.subarray(start, start + length - 1),
    });
    expect(short.take({ id: 'r3', kind: 'json', hash: 'r3' })).toBeUndefined();
  });

  it.each([
    ['not a string', { ids: ['a'], hashes: ['h'], starts: [0], lengths: [1] }],
    ['a field missing', 'a h 0'],
    ['a negative offset', 'a h -1 1'],
    ['an offset that is not a number', 'a h x 1'],
    ['an empty item', 'a h 0 1;'],
  ])('refuses a layout with %s', (_, value) => {
    expect(parseItemLayout(value)).toBeUndefined();
  });

  it('keeps no layout of an id it could not read back', () => {
    expect(
      encodeItemLayout({ ids: ['a;b'], hashes: ['h'], starts: [0], lengths: [1] }),
    ).toBeUndefined();
  });

  it('gives no layout when the parts do not match the ids', () => {
    expect(
      layoutOf({ ids: ['a', 'b', 'c'], hashes: ['1', '2', '3'], parts, separated: true }),
    ).toBeUndefined();
  });
});
