import { foldText } from '@briefing/schema';
import { describe, expect, it } from 'vitest';
import { NAME_ALIASES, mergeVariants, nameAliases } from './name-variants.js';

describe('nameAliases', () => {
  it('maps other spellings and scripts to the name records write', () => {
    expect(NAME_ALIASES.get('лавров')).toBe('Sergei Lavrov');
    // Keys are folded as the search folds text (Hangul syllables come apart into their letters).
    expect(NAME_ALIASES.get(foldText('라브로프'))).toBe('Sergei Lavrov');
    expect(NAME_ALIASES.get('sergey lavrov')).toBe('Sergei Lavrov');
  });

  it('leaves out spellings inside the name, and spellings two names share', () => {
    const aliases = nameAliases(
      mergeVariants([
        [
          { name: 'Kim Jong Un', variants: ['Kim', 'Kim Jong-un', 'Chairman Kim', 'Kim Chong'] },
          { name: 'Kim Yo Jong', variants: ['Kim Chong'] },
        ],
      ]),
    );
    expect([...aliases]).toEqual([['chairman kim', 'Kim Jong Un']]);
  });

  it('reads a gazetteer entry that gives no other spellings (its schema defaults them to none)', () => {
    const merged = mergeVariants([
      [{ name: 'Ri Chol' }, { name: 'Sergei Lavrov', variants: ['Lavrov'] }],
      [{ name: 'Ri Chol', variants: ['리철'] }],
    ]);
    expect(merged).toEqual([
      { name: 'Ri Chol', variants: ['리철'] },
      { name: 'Sergei Lavrov', variants: ['Lavrov'] },
    ]);
  });
});
