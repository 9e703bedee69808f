import { makeBriefing } from '@briefing/schema/testing';
import { describe, expect, it } from 'vitest';
import { countPlaces } from './place-counts.js';
import { countLocalities } from './place-localities.js';

const vladivostok = { name: 'Vladivostok', country: 'RUS', lat: 43.12, lon: 131.9 };
const russky = { name: 'Russky Island, Vladivostok', country: 'RUS', lat: 43.02, lon: 131.89 };
const frigate = { name: 'Frigate Marshal Shaposhnikov', country: 'RUS', lat: 43.12, lon: 131.9 };
const artyom = { name: 'Artyom, Primorsky Krai', country: 'RUS', lat: 43.4, lon: 132.15 };
const mill = { name: 'Arnika feed mill', country: 'RUS' };

describe('countLocalities', () => {
  it('draws a city and its sites as one circle, counting each record once', () => {
    const records = [
      makeBriefing({ id: 'trip', places: [vladivostok, russky, artyom] }),
      makeBriefing({ id: 'oceanarium', places: [russky, mill] }),
      makeBriefing({ id: 'navy', places: [artyom, frigate] }),
      makeBriefing({ id: 'city', places: [vladivostok] }),
    ];
    const localities = countLocalities({ records, places: countPlaces({ records }) });
    // Drawn where the city is, not at the site with the most records.
    expect([localities[0]!.lat, localities[0]!.lon]).toEqual([vladivostok.lat, vladivostok.lon]);
    expect(localities.map(({ name, count, sites }) => ({ name, count, sites }))).toEqual([
      // trip, oceanarium, navy (its frigate) and city; trip names two sites but counts once. Named
      // after the city its sites are in.
      {
        name: 'Vladivostok',
        count: 4,
        sites: ['Russky Island, Vladivostok', 'Frigate Marshal Shaposhnikov'],
      },
      // ~0.3° away: the next town keeps its own circle.
      { name: 'Artyom, Primorsky Krai', count: 2, sites: [] },
      // No coordinates: never merged.
      { name: 'Arnika feed mill', count: 1, sites: [] },
    ]);
  });
});
