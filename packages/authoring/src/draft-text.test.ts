import { describe, expect, it } from 'vitest';
import { draftId, draftTitle, fitNote, slugify } from './draft-text.js';

describe('draftId', () => {
  it('joins two actors, the place and the month', () => {
    expect(
      draftId({
        actorSlugs: ['kim', 'putin', 'lavrov'],
        placeSlug: 'vostochny',
        start: '2023-09-13',
        taken: new Set(),
      }),
    ).toBe('kim-putin-vostochny-2023-09');
  });

  it('suffixes an id already taken', () => {
    const taken = new Set(['shoigu-pyongyang-2025-06', 'shoigu-pyongyang-2025-06-2']);
    expect(
      draftId({ actorSlugs: ['shoigu'], placeSlug: 'pyongyang', start: '2025-06-17', taken }),
    ).toBe('shoigu-pyongyang-2025-06-3');
  });
});

describe('draftTitle', () => {
  const lavrov = { name: 'Sergei Lavrov', country: 'RUS', role: 'visitor' as const };
  const choe = { name: 'Choe Son Hui', country: 'PRK', role: 'host' as const };
  const pyongyang = [{ name: 'Pyongyang', country: 'PRK' }];

  it.each([
    ['visit', [lavrov, choe], pyongyang, 'Sergei Lavrov visits Pyongyang'],
    ['talks', [lavrov, choe], pyongyang, 'Sergei Lavrov and Choe Son Hui hold talks in Pyongyang'],
    ['call', [lavrov, choe], [], 'Sergei Lavrov and Choe Son Hui speak by phone'],
  ] as const)('titles a %s', (type, actors, places, title) => {
    expect(draftTitle({ type, actors: [...actors], places: [...places] })).toBe(title);
  });
});

describe('slugify and fitNote', () => {
  it('folds names to ASCII slugs', () => {
    expect(slugify('Choe Son-hui’s Pyŏngyang')).toBe('choe-son-hui-s-pyongyang');
  });

  it('shortens long quotations to fit', () => {
    const long = `"${'word '.repeat(100)}"`;
    const note = fitNote([`date: ${long}`, `actors: ${long}`], 300);
    expect(note.length).toBeLessThanOrEqual(300);
    expect(note).toContain('…"');
  });
});
