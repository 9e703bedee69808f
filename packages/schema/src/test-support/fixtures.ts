import type { Briefing } from '../briefing.js';

/**
 * A valid briefing record (Lavrov in Pyongyang, 18–19 Oct 2023), with top-level fields
 * replaced by `overrides`. The shared fixture for every package's tests.
 */
export function makeBriefing(overrides: Partial<Briefing> = {}): Briefing {
  return {
    id: 'lavrov-pyongyang-2023',
    title: 'Lavrov visits Pyongyang',
    summary:
      'Russian Foreign Minister Sergei Lavrov held talks in Pyongyang with Foreign Minister Choe Son Hui; Kim Jong Un received him on 19 October.',
    type: 'visit',
    status: 'occurred',
    date: {
      start: '2023-10-18',
      end: '2023-10-19',
      precision: 'day',
      note: 'Kim received Lavrov on 19 Oct',
    },
    announcedOn: '2023-10-16',
    themes: ['diplomacy'],
    actors: [
      {
        name: 'Sergei Lavrov',
        country: 'RUS',
        office: 'Minister of Foreign Affairs',
        role: 'visitor',
      },
      { name: 'Choe Son Hui', country: 'PRK', office: 'Minister of Foreign Affairs', role: 'host' },
    ],
    places: [{ name: 'Pyongyang', country: 'PRK', lat: 39.0392, lon: 125.7625 }],
    sources: [
      {
        publisher: 'Ministry of Foreign Affairs of the Russian Federation',
        title: 'Foreign Minister Sergey Lavrov’s visit to the DPRK',
        url: 'https://mid.ru/en/foreign_policy/news/',
        published: '2023-10-19',
        accessed: '2024-01-10',
        language: 'en',
      },
    ],
    confidence: { level: 'high' },
    revision: {
      created: '2024-01-10',
      updated: '2024-01-10',
      changes: [{ date: '2024-01-10', note: 'Created.' }],
    },
    ...overrides,
  };
}
