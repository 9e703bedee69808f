import { describe, expect, it } from 'vitest';
import { defaultGazetteers } from './gazetteer.js';
import { findPeople, findPlaces, isSpeaker } from './match-entities.js';

const { people, places } = defaultGazetteers();
const names = (text: string) => findPeople({ text, people }).map((mention) => mention.entry.name);
const placeNames = (text: string) =>
  findPlaces({ text, places }).map((mention) => mention.entry.name);

describe('findPeople', () => {
  it.each([
    ['Kim Jong-un met Putin.', ['Kim Jong Un', 'Vladimir Putin']],
    ['KIM JONG UN and Choe Son-hui', ['Kim Jong Un', 'Choe Son Hui']],
    ['Kim Yo Jong received the car.', ['Kim Yo Jong']],
    ["Russia's foreign ministry said", ['Russian Foreign Ministry']],
    ['Sergey Lavrov and Andrey Belousov', ['Sergei Lavrov', 'Andrei Belousov']],
    ['talks at the Kremlin', []],
    ['the Kremlin said', ['Kremlin']],
    // A bare surname with another given name after it is someone else.
    ['Kim Song Nam arrived in Moscow.', []],
    // …and so is a longer name after one whose given name has one syllable (Kim Song).
    ['Kim Song-nam arrived in Moscow.', []],
    ['Kim Song spoke at the General Assembly.', ['Kim Song']],
    // Words that go on in lower case are no given name.
    ['Kim at the Kremlin said', ['Kim Jong Un']],
    ['Choe Ryong-hae visited Vladivostok.', ['Choe Ryong Hae']],
    ['Kim met Putin in Pyongyang.', ['Kim Jong Un', 'Vladimir Putin']],
    ['Kim Receives Russian Defence Minister', ['Kim Jong Un']],
    ['Kim Met Putin', ['Kim Jong Un', 'Vladimir Putin']],
    ['Kim Jong Un received Lavrov at the resort.', ['Kim Jong Un', 'Sergei Lavrov']],
  ])('finds the people in %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe('findPlaces', () => {
  it.each([
    ['a visit to Pyongyang', ['Pyongyang']],
    ['ties between Moscow and Pyongyang', []],
    [
      'his visit to the Primorsky Oceanarium in Vladivostok',
      ['Primorsky Oceanarium, Russky Island, Vladivostok'],
    ],
    ['met in Russia, at the Vostochny cosmodrome', ['Vostochny Cosmodrome, Amur Oblast']],
    ['he toured Komsomolsk-on-Amur and Vladivostok', ['Komsomolsk-on-Amur', 'Vladivostok']],
    ['will visit Pyongyang next week', ['Pyongyang']],
    ["according to the Kremlin's account", []],
    ['talks at the Kremlin', ['Kremlin, Moscow']],
  ])('finds the places in %j', (text, expected) => {
    expect(placeNames(text)).toEqual(expected);
  });
});

describe('isSpeaker', () => {
  it.each([
    ['the talks went well, the Kremlin said.', 'the Kremlin', true],
    ['the announcement, issued by the foreign ministry, confirms', 'foreign ministry', true],
    ['Putin met Kim in Moscow.', 'Putin', false],
  ])('in %j, %j speaks: %s', (text, words, expected) => {
    const start = text.indexOf(words);
    expect(isSpeaker({ text, start, end: start + words.length })).toBe(expected);
  });
});
