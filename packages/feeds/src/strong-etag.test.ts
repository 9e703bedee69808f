import { describe, expect, it } from 'vitest';
import etag from 'etag';
import { digestOf, strongEtag } from './strong-etag.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('strongEtag', () => {
  it.each([
    ['no parts', []],
    ['an empty part', [Buffer.alloc(0)]],
    ['one part', [bytes('<rss/>')]],
    ['one part in Cyrillic and Hangul', [bytes('Пхеньян 평양 ]]>')]],
  ] as [string, Buffer[]][])('tags %s exactly as the etag package does', (_, parts) => {
    expect(strongEtag(parts)).toBe(etag(Buffer.concat(parts)));
  });

  const head = bytes('<feed>');
  const item = bytes('<entry>Пхеньян 평양</entry>');
  const other = bytes('<entry>Москва</entry>');
  const tail = bytes('</feed>');

  it('gives the same parts the same tag, also when parts are new copies of the same bytes', () => {
    const tag = strongEtag([head, item, other, tail]);
    expect(strongEtag([head, item, other, tail])).toBe(tag);
    expect(strongEtag([head, item, other, tail].map((part) => Buffer.from(part)))).toBe(tag);
  });

  it('starts with the length of the whole document, in hexadecimal, as the etag package does', () => {
    const parts = [head, item, other, tail];
    const length = Buffer.concat(parts).byteLength;
    expect(strongEtag(parts)).toMatch(new RegExp(`^"${length.toString(16)}-[A-Za-z0-9+/]{27}"$`));
  });

  it('changes whenever the bytes change: one byte of any part, a part added, dropped or moved', () => {
    const parts = [head, item, other, tail];
    const tag = strongEtag(parts);
    // One byte changed in each part in turn: the same length, so only the hash tells them apart.
    const oneByteChanged = parts.map((_, index) =>
      parts.map((part, at) => {
        if (at !== index) return part;
        const copy = Buffer.from(part);
        copy[1] = 0x3f;
        return copy;
      }),
    );
    const changed = [
      ...oneByteChanged,
      [head, item, other, other, tail],
      [head, item, tail],
      [head, other, item, tail],
    ];
    const tags = changed.map((parts) => strongEtag(parts));
    expect(tags).not.toContain(tag);
    expect(new Set(tags).size).toBe(tags.length);
  });

  it('gives the same tag from digests the caller has at hand, and refuses digests that do not match', () => {
    const parts = [head, item, other, tail];
    expect(strongEtag(parts, parts.map((part) => Buffer.from(part)).map(digestOf))).toBe(
      strongEtag(parts),
    );
    expect(() => strongEtag(parts, parts.slice(1).map(digestOf))).toThrow(/3 digests for 4 parts/);
  });
});
