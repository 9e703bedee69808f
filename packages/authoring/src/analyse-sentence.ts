import { tenseOf } from './detect-status.js';
import { findDates, type DateMention } from './dates/find-dates.js';
import { findTriggers, isReporting, type Trigger } from './find-triggers.js';
import type { Gazetteers, PersonEntry, PlaceEntry } from './gazetteer.js';
import { findPeople, findPlaces, type Mention } from './match-entities.js';
import type { Sentence } from './split-sentences.js';

/** What one sentence holds for the extraction. */
export interface SentenceFacts {
  sentence: Sentence;
  /** Engagement triggers first, reporting ones (announced, said) last. */
  triggers: Trigger[];
  people: Mention<PersonEntry>[];
  places: Mention<PlaceEntry>[];
  dates: DateMention[];
  tense: 'future' | 'past' | 'unknown';
  /** Refers back to an engagement already named: "these talks", "the official trip", "during the visit". */
  anaphoric: boolean;
  /** A personal pronoun that may stand for the person named last: "his visit". */
  pronoun: boolean;
  /** Someone else's reading of events ("Analysts suggest", "Observers note"): kept out of themes. */
  hedged: boolean;
  /** A word that reports (announced, said, issued by): bodies named here are speakers. */
  reporting: boolean;
}

const ENGAGEMENT_NOUNS =
  'visits?|trips?|talks|meetings?|announcement|summit|calls?|conversations?|signing|ceremony|delegation|tour|session|exchanges?|discussions?|consultations?|negotiations?';
const ANAPHORA = new RegExp(
  String.raw`\b(?:these|this|that|those|such|the|during\s+(?:the|his|her|their|its))\s+(?:[\p{L}-]+\s+){0,3}?(?:${ENGAGEMENT_NOUNS})\b`,
  'iu',
);
const PRONOUN = /\b(?:he|his|him|she|her)\b/i;
const HEDGE = /\b(?:analysts?|observers?|experts?|commentators?|critics?)\b/i;
const REPORTING =
  /\b(?:announced?|announcement|said|says|stated|statement|issued by|according to|confirmed|confirms|reported)\b/i;

/** Triggers, people, places, dates and cues of one sentence. */
export function analyseSentence({
  sentence,
  gazetteers,
  referenceDate,
}: {
  sentence: Sentence;
  gazetteers: Gazetteers;
  referenceDate?: string;
}): SentenceFacts {
  const { text } = sentence;
  const tense = tenseOf({ text });
  return {
    sentence,
    triggers: findTriggers({ text, triggers: gazetteers.triggers }),
    people: findPeople({ text, people: gazetteers.people }),
    places: findPlaces({ text, places: gazetteers.places }),
    dates: findDates({
      text,
      ...(referenceDate !== undefined && { referenceDate }),
      forward: tense === 'future',
    }),
    tense,
    anaphoric: ANAPHORA.test(text),
    pronoun: PRONOUN.test(text),
    hedged: HEDGE.test(text),
    reporting: REPORTING.test(text),
  };
}

/** Whether a sentence names an engagement (not only a report of one). */
export function namesEngagement(facts: SentenceFacts): boolean {
  return facts.triggers.some((trigger) => !isReporting(trigger));
}
