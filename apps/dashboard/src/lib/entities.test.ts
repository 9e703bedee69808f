import { makeBriefing } from '@briefing/schema/testing';
import { describe, expect, it } from 'vitest';
import { actorProfile, buildEntityIndex, placeProfile } from './entities.js';

const lavrov = (office: string) => ({
  name: 'Sergei Lavrov',
  country: 'RUS',
  office,
  role: 'visitor' as const,
});
const choe = { name: 'Choe Son Hui', country: 'PRK', role: 'host' as const };
const kim = { name: 'Kim Jong Un', country: 'PRK', role: 'host' as const };
const pyongyang = { name: 'Pyongyang', country: 'PRK' };

const records = [
  makeBriefing({
    id: 'c',
    date: { start: '2025-07-11', end: '2025-07-13', precision: 'day' },
    actors: [lavrov('Minister of Foreign Affairs'), choe, kim],
    places: [{ name: 'Wonsan', country: 'PRK' }],
  }),
  makeBriefing({
    id: 'b',
    date: { start: '2024-09-01', precision: 'day' },
    actors: [lavrov('Minister of Foreign Affairs'), choe],
    places: [{ name: 'Moscow', country: 'RUS' }],
  }),
  makeBriefing({
    id: 'a',
    date: { start: '2023-10-18', end: '2023-10-19', precision: 'day' },
    actors: [lavrov('Foreign Minister'), choe, kim, { ...choe, role: 'speaker' as const }],
    places: [pyongyang],
  }),
];
const index = buildEntityIndex({
  newestFirst: records,
  variants: [{ name: 'Sergei Lavrov', variants: ['Sergey Lavrov', 'Лавров', 'Lavrov'] }],
  placeVariants: [
    { name: 'Pyongyang', variants: ['Пхеньян', "P'yongyang"] },
    { name: 'Sergei Lavrov', variants: ['Lavrov'] },
  ],
});

describe('buildEntityIndex', () => {
  it('gives every actor and place a slug and its records, newest first', () => {
    const entry = index.actorBySlug.get('sergei-lavrov')!;
    expect(entry.recordIds).toEqual(['c', 'b', 'a']);
    expect(index.placeBySlug.get('pyongyang')!.recordIds).toEqual(['a']);
    expect(index.actors[0]!.name).toBe('Choe Son Hui');
  });

  it('sends other spellings and scripts of a name to the same slug', () => {
    expect(index.actorAliases.get('лавров')).toBe('sergei-lavrov');
    expect(index.actorAliases.get('sergey-lavrov')).toBe('sergei-lavrov');
    expect(index.actorAliases.get('lavrov')).toBe('sergei-lavrov');
    expect(index.placeAliases.get('пхеньян')).toBe('pyongyang');
    expect(index.placeAliases.get('p-yongyang')).toBe('pyongyang');
    // A place's spellings are the places' own: an actor's name leads to no place.
    expect(index.placeAliases.get('lavrov')).toBeUndefined();
    expect(index.actorAliases.get('пхеньян')).toBeUndefined();
  });

  it('adds the country to the slugs of two places of the same name', () => {
    const twin = buildEntityIndex({
      newestFirst: [
        makeBriefing({
          places: [
            { name: 'Bridge', country: 'RUS' },
            { name: 'Bridge', country: 'PRK' },
          ],
        }),
      ],
    });
    expect([...twin.placeBySlug.keys()].sort()).toEqual(['bridge-prk', 'bridge-rus']);
  });
});

describe('actorProfile', () => {
  const profile = actorProfile({
    actor: { name: 'Sergei Lavrov', country: 'RUS' },
    records,
    index,
  });

  it('lists the offices held, oldest first, a new run when the office changes', () => {
    expect(profile.offices).toEqual([
      { office: 'Foreign Minister', first: '18–19 Oct 2023', last: '18–19 Oct 2023', count: 1 },
      {
        office: 'Minister of Foreign Affairs',
        first: '1 Sep 2024',
        last: '11–13 Jul 2025',
        count: 2,
      },
    ]);
  });

  it('counts the actors of other countries met, once per record', () => {
    expect(profile.counterparts).toEqual([
      { name: 'Choe Son Hui', slug: 'choe-son-hui', country: 'PRK', count: 3 },
      { name: 'Kim Jong Un', slug: 'kim-jong-un', country: 'PRK', count: 2 },
    ]);
  });
});

describe('placeProfile', () => {
  it('counts the actors who took part at the place', () => {
    const { actors } = placeProfile({ records: [records[2]!], index });
    expect(actors.map((actor) => [actor.name, actor.count])).toEqual([
      ['Choe Son Hui', 1],
      ['Kim Jong Un', 1],
      ['Sergei Lavrov', 1],
    ]);
  });
});
