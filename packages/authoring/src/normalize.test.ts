import { describe, expect, it } from 'vitest';
import { findTerm, foldTerm, foldText } from './normalize.js';

describe('foldText', () => {
  it.each([
    ['Kim Jong-un', 'kim jong un'],
    ['KIM  JONG\tUN', 'kim jong un'],
    ['Russia’s foreign ministry', "russia's foreign ministry"],
    ['Pyŏngyang', 'pyongyang'],
    ['Komsomolsk–on–Amur', 'komsomolsk on amur'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldText(text).folded).toBe(folded);
  });
});

describe('findTerm', () => {
  it('maps a hit in folded text back to the original words', () => {
    const text = 'Then Kim Jong-un’s train left.';
    const [hit] = findTerm(foldText(text), foldTerm('Kim Jong Un'), text);
    expect(text.slice(hit!.start, hit!.end)).toBe('Kim Jong-un');
  });

  it('matches whole words only', () => {
    const text = 'Kimberley met Putinists in Moscow.';
    expect(findTerm(foldText(text), 'kim', text)).toEqual([]);
    expect(findTerm(foldText(text), 'putin', text)).toEqual([]);
  });
});
