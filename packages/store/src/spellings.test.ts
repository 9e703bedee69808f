import { describe, expect, it } from 'vitest';
import { mergeSpellings, SpellingIndex, spellingsFromGazetteer } from './spellings.js';

const index = new SpellingIndex({
  'Sergei Lavrov': ['Сергей Лавров', 'Лавров', 'Lavrov'],
  'Choe Son Hui': ['Choi Son Hui', 'Choe', 'Choi'],
  'Kim Yo Jong': ['Kim Yo-jong'],
  'Kim Jong Un': ['Kim Jong-un', 'Kim'],
});

describe('SpellingIndex.toFtsQuery', () => {
  it.each([
    ['every word as a prefix', 'space talks', '"space"* AND "talks"*'],
    [
      'a name as all its spellings',
      'Лавров',
      '("лавров"* OR "sergei lavrov" OR "сергей лавров" OR "лавров" OR "lavrov")',
    ],
    [
      'a prefix of a name in its last word',
      'Лав',
      '("лав"* OR "sergei lavrov" OR "сергей лавров" OR "лавров" OR "lavrov")',
    ],
    [
      'the longest name first',
      'Kim Yo-jong visit',
      '("kim yo jong"* OR "kim yo jong") AND "visit"*',
    ],
    ['no name from one letter', 'K', '"k"*'],
    [
      'punctuation as separators',
      'Choi, Son-Hui!',
      '("choi son hui"* OR "choe son hui" OR "choi son hui" OR "choe" OR "choi")',
    ],
  ])('writes %s', (_name, text, expected) => {
    expect(index.toFtsQuery(text)).toBe(expected);
  });

  it('gives nothing for text without words', () => {
    expect(index.toFtsQuery(' "*" - ')).toBeUndefined();
  });
});

describe('spelling lists', () => {
  it('merge by name, keeping each variant once', () => {
    expect(
      mergeSpellings(
        { Putin: ['Путин'] },
        spellingsFromGazetteer([{ name: 'Putin', variants: ['Путин', '푸틴'] }, { name: 'Kazan' }]),
      ),
    ).toEqual({ Putin: ['Путин', '푸틴'], Kazan: [] });
  });
});
