import { describe, expect, it } from 'vitest';
import { findTriggers } from './find-triggers.js';
import { defaultGazetteers } from './gazetteer.js';

const { triggers } = defaultGazetteers();
const first = (text: string) => findTriggers({ text, triggers })[0];

describe('findTriggers', () => {
  it.each([
    ['Putin and Kim held a phone call on 12 August.', 'call', 'phone call'],
    ['Belousov and No signed an agreement during talks.', 'agreement', 'signed'],
    ['The Duma ratified the treaty.', 'ratification', 'ratified'],
    ['Lavrov plans a visit to Pyongyang.', 'visit', 'visit'],
    ['Kim Jong-un met with Vladimir Putin.', 'talks', 'met'],
    ['The ministry announced that Lavrov will make the trip.', 'visit', 'trip'],
    ['The ministry announced the dates.', 'announcement', 'announced'],
    ['Peskov said the glove was a gift.', 'gift', 'gift'],
  ])('names the engagement in %j as %s', (text, type, term) => {
    expect(first(text)).toMatchObject({ type, term });
  });

  it('finds nothing in a sentence with no engagement', () => {
    expect(findTriggers({ text: 'Rice prices rose this spring.', triggers })).toEqual([]);
  });
});
