import { THEMES } from '@briefing/schema';
import { describe, expect, it } from 'vitest';
import { detectThemes } from './detect-themes.js';
import { defaultGazetteers } from './gazetteer.js';

const { themes: lexicon } = defaultGazetteers();

describe('detectThemes', () => {
  it('lists themes in order of first occurrence, with the word that gave each', () => {
    const hits = detectThemes({
      sentences: [
        'Discussions touched on launches and space exploration.',
        'Both sides discussed military cooperation and SANCTIONS at the Security Council.',
      ],
      lexicon,
    });
    expect(hits.map((hit) => [hit.theme, hit.term])).toEqual([
      ['space', 'launches'],
      ['defense', 'military'],
      ['regional-security', 'SANCTIONS'],
    ]);
  });

  it('matches words, not parts of words', () => {
    expect(
      detectThemes({
        sentences: ['He spoke artfully of the spaceless, tradeless north.'],
        lexicon,
      }),
    ).toEqual([]);
  });

  it('has a keyword list for every theme of the vocabulary', () => {
    for (const theme of THEMES) expect(lexicon[theme.id]?.length).toBeGreaterThan(3);
  });
});
