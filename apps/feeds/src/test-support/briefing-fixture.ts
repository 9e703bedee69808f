// TEMPORARY until @briefing/schema/testing lands: a valid record with overrides.
import { Briefing } from '@briefing/schema';

export function makeBriefing(overrides: Partial<Briefing> = {}): Briefing {
  return Briefing.parse({
    id: 'lavrov-pyongyang-2023',
    title: 'Lavrov visits Pyongyang',
    summary: 'Foreign Minister Sergei Lavrov held talks in Pyongyang.',
    type: 'visit',
    status: 'occurred',
    date: { start: '2023-10-18', end: '2023-10-19', precision: 'day' },
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
    places: [{ name: 'Pyongyang', country: 'PRK' }],
    sources: [
      {
        publisher: 'TASS',
        title: 'Lavrov arrives in Pyongyang',
        url: 'https://tass.com/politics/1',
      },
      {
        publisher: 'Founding brief',
        title: 'News brief',
        document: 'seeds/documents/000_de4160cc50d9890e.txt',
      },
    ],
    confidence: { level: 'high' },
    revision: {
      created: '2023-10-20',
      updated: '2023-10-20',
      changes: [{ date: '2023-10-20', note: 'Created.' }],
    },
    ...overrides,
  });
}
