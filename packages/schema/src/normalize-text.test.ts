import { describe, expect, it } from 'vitest';
import { foldText } from './normalize-text.js';

describe('foldText', () => {
  it.each([
    ['ASCII is lowercased', 'Kim Jong Un TALKS', 'kim jong un talks'],
    ['ASCII controls and punctuation are kept', 'A\tB\n[C]', 'a\tb\n[c]'],
    ['diacritics are stripped', 'Kôrea Señor Ćosić', 'korea senor cosic'],
    ['precomposed and combining forms fold alike', 'Ko\u0302rea', 'korea'],
    ['ASCII next to non-ASCII is still lowercased', 'Putin — Путин', 'putin — путин'],
  ])('%s', (_name, text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});
