import { foldLines } from 'ical-generator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldedUtf8 } from './fold-content-lines.js';

/** What ical-generator writes for the text, as bytes. */
const theirs = (text: string) => Buffer.from(foldLines(text), 'utf8');

describe('content lines folded in their bytes', () => {
  it('holds at most 75 octets a line, without splitting a character', () => {
    const line = `DESCRIPTION:${'한'.repeat(60)}🚀${'x'.repeat(100)}`;
    const folded = foldedUtf8(line).toString('utf8');
    for (const part of folded.split('\r\n')) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    }
    expect(folded).not.toContain('\uFFFD');
    expect(folded.replaceAll('\r\n ', '')).toBe(line);
  });

  it.each([
    ['ASCII', `DESCRIPTION:${'word '.repeat(60)}`],
    ['Hangul and emoji', `SUMMARY:${'평양 🚀 '.repeat(30)}`],
    ['exactly 74 octets', `X:${'a'.repeat(72)}`],
    ['exactly 75 octets', `X:${'a'.repeat(73)}`],
    ['a three-octet character across the 74th octet', `X:${'a'.repeat(71)}한한`],
    ['a lone CR inside a line', `X:${'a\r'.repeat(50)}`],
    ['no line end at all', 'X:short'],
  ])('folds %s exactly as ical-generator does', (_name, line) => {
    for (const text of [line, `${line}\r\n${line}\r\n`, `${line}\r\n\r\n${line}`]) {
      expect(foldedUtf8(text)).toEqual(theirs(text));
    }
  });

  it('folds any lines exactly as ical-generator does', () => {
    // One-, two-, three- and four-octet characters in any order, and line ends (no lone
    // surrogates: record text is cleaned of them before any calendar is made).
    const piece = fc.constantFrom('a', 'word ', '·', 'é', '–', '한', '🚀', '\r\n', '\r');
    const text = fc
      .array(piece, { minLength: 0, maxLength: 200, size: 'max' })
      .map((pieces) => `X:${pieces.join('')}`);
    fc.assert(
      fc.property(text, (value) => {
        expect(foldedUtf8(value)).toEqual(theirs(value));
      }),
      { numRuns: 2000 },
    );
  });
});
