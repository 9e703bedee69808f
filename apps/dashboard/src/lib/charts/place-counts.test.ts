import { makeBriefing } from '@briefing/schema/testing';
import { describe, expect, it } from 'vitest';
import { countPlaces } from './place-counts.js';

describe('countPlaces', () => {
  it('counts records per place, once per record, most first', () => {
    const pyongyang = { name: 'Pyongyang', country: 'PRK', lat: 39, lon: 125.7 };
    const moscow = { name: 'Moscow', country: 'RUS' };
    const records = [
      makeBriefing({ id: 'a', places: [pyongyang, pyongyang] }),
      makeBriefing({ id: 'b', places: [pyongyang, moscow] }),
      makeBriefing({ id: 'c', places: [] }),
    ];
    expect(countPlaces({ records })).toEqual([
      { key: 'PRK:Pyongyang', name: 'Pyongyang', country: 'PRK', lat: 39, lon: 125.7, count: 2 },
      { key: 'RUS:Moscow', name: 'Moscow', country: 'RUS', count: 1 },
    ]);
  });
});
