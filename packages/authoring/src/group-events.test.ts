import { describe, expect, it } from 'vitest';
import { analyseSentence } from './analyse-sentence.js';
import { defaultGazetteers } from './gazetteer.js';
import { groupEvents } from './group-events.js';
import { splitSentences } from './split-sentences.js';

const gazetteers = defaultGazetteers();
const reference = { date: '2023-10-16', from: '--reference-date' };

function group(text: string) {
  const facts = splitSentences({ text }).map((sentence) =>
    analyseSentence({ sentence, gazetteers, referenceDate: reference.date }),
  );
  return groupEvents({ facts, reference }).map((event) => ({
    main: event.main.sentence.index,
    sentences: event.sentences.map((fact) => fact.sentence.index),
    actors: event.actors.map((actor) => `${actor.entry.name} (${actor.via})`),
    places: event.places.map((place) => place.entry.name),
    date: event.date?.value,
  }));
}

describe('groupEvents', () => {
  it('joins a sentence that refers back ("the official trip") and adds its speaker', () => {
    expect(
      group(
        'Lavrov plans a visit to Pyongyang on 18 October. The announcement, issued by Russia’s foreign ministry, confirms the official trip.',
      ),
    ).toEqual([
      {
        main: 0,
        sentences: [0, 1],
        actors: ['Sergei Lavrov (named)', 'Russian Foreign Ministry (reported)'],
        places: ['Pyongyang'],
        date: { start: '2023-10-18', precision: 'day' },
      },
    ]);
  });

  it('reads "his" as the person named last and merges an outline into its detail', () => {
    expect(
      group(
        'In September, Kim Jong-un travelled to several destinations. His visit to the Primorsky Oceanarium stood out.',
      ),
    ).toEqual([
      {
        main: 1,
        sentences: [0, 1],
        actors: ['Kim Jong Un (pronoun)'],
        places: ['Primorsky Oceanarium, Russky Island, Vladivostok'],
        date: { start: '2023-09-01', end: '2023-09-30', precision: 'month' },
      },
    ]);
  });

  it('attaches a later mention of the same people to their engagement, not to the latest one', () => {
    const events = group(
      'Lavrov will visit Pyongyang on 18 October.\n\nIn September, Kim Jong Un met Putin at the Vostochny cosmodrome.\n\nThe forthcoming Lavrov visit matters.',
    );
    expect(events.map((event) => event.sentences)).toEqual([[0, 2], [1]]);
  });

  it('gives "the following day" the place of the engagement before it when it names none', () => {
    const [, second] = group(
      'On 18 November 2024, Kim Jong Un received Alexander Kozlov in Pyongyang. The following day, Kozlov met Yun Jong Ho.',
    );
    expect(second).toMatchObject({
      places: ['Pyongyang'],
      date: { start: '2024-11-19', precision: 'day' },
    });
  });

  it('leaves out sentences of a paragraph two paragraphs on that name no engagement', () => {
    const [event] = group('Kim Jong Un met Putin on 13 September 2023.\n\nOne.\n\nTwo.');
    expect(event?.sentences).toEqual([0, 1]);
  });
});
