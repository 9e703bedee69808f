import type { EventDate } from '@briefing/schema';
import { namesEngagement, type SentenceFacts } from './analyse-sentence.js';
import { daysInMonth } from '@briefing/schema';
import { dateParts, isoDate, monthRange } from './dates/calendar.js';
import type { DateMention } from './dates/find-dates.js';
import {
  monthOf,
  pickMention,
  resolveDate,
  type MonthContext,
  type ReferenceDate,
} from './dates/resolve-date.js';
import type { Trigger } from './find-triggers.js';
import type { PersonEntry, PlaceEntry } from './gazetteer.js';
import { isSpeaker, type Mention } from './match-entities.js';

/** How an actor came into an engagement, which decides its role. */
export type ActorSource = 'named' | 'pronoun' | 'reported' | 'joined';

export interface EventActor {
  entry: PersonEntry;
  via: ActorSource;
  /** The words that named it. */
  words: string;
  /** Whether those words report the engagement: "the Kremlin said". */
  speaks: boolean;
}

export interface EventDateFinding {
  value: Omit<EventDate, 'note'>;
  notes: string[];
  /** The date words, e.g. "on the 18th and 19th". */
  words: string;
  sentence: SentenceFacts;
}

/** One engagement found in the article, before it becomes a record. */
export interface DraftEvent {
  /** The sentence that names the engagement. */
  main: SentenceFacts;
  trigger: Trigger;
  /** Every sentence about it, in article order, the main one included. */
  sentences: SentenceFacts[];
  actors: EventActor[];
  places: Mention<PlaceEntry>[];
  /** Set when the places were taken from an earlier engagement's sentence. */
  placesFrom?: SentenceFacts;
  date?: EventDateFinding;
  /** Why no date could be given, when none could. */
  dateProblem?: string;
  /**
   * The sentences either side of the main one (in its paragraph or the next), for themes when
   * the engagement's own sentences give none.
   */
  neighbours?: SentenceFacts[];
}

/**
 * Groups analysed sentences into engagements. A sentence that names an engagement with a date
 * and someone or somewhere starts one; a later sentence joins it when it refers back to it
 * ("the official trip", "these talks"), names only its actors and places, or continues its
 * paragraph; a sentence with new actors or places but no date starts one dated like the
 * engagement before it ("his visit to the Oceanarium" after "In September, Kim travelled").
 */
export function groupEvents({
  facts,
  reference,
}: {
  facts: SentenceFacts[];
  reference?: ReferenceDate;
}): DraftEvent[] {
  const events: DraftEvent[] = [];
  let current: DraftEvent | undefined;
  let lastMonth: MonthContext | undefined;
  let lastPerson: PersonEntry | undefined;

  for (const fact of facts) {
    const named = actorsOf({ fact, lastPerson });
    const keys = [
      ...named.map((actor) => `p:${actor.entry.name}`),
      ...fact.places.map((place) => `l:${place.entry.name}`),
    ];
    const engagement = namesEngagement(fact);
    const trigger = fact.triggers[0];
    const mention =
      trigger === undefined
        ? undefined
        : pickMention({ mentions: fact.dates, triggerIndex: trigger.index });

    if (trigger !== undefined && (engagement || (fact.reporting && mention !== undefined))) {
      if (mention !== undefined && keys.length > 0) {
        current = datedEvent({
          fact,
          trigger,
          mention,
          named,
          reference,
          lastMonth,
          previous: current,
        });
        events.push(current);
      } else if (keys.length > 0 && covering(events, keys) !== undefined) {
        current = covering(events, keys)!;
        join(current, fact, named);
      } else if (fact.anaphoric && current !== undefined) {
        join(current, fact, named);
      } else if (keys.length > 0) {
        current = carriedEvent({ fact, trigger, named, previous: current });
        events.push(current);
      } else if (current !== undefined && lastParagraph(current) === fact.sentence.paragraph) {
        join(current, fact, []);
      }
    } else if (
      current !== undefined &&
      fact.sentence.paragraph - lastParagraph(current) <= 1 &&
      (named.length === 0 ||
        named.some((actor) => eventKeys(current!).has(`p:${actor.entry.name}`)))
    ) {
      // A sentence that names no engagement says more about the one just told, in its
      // paragraph or the next, unless it is about other people.
      join(current, fact, []);
    }

    const month = fact.dates
      .map((other) => monthOf({ mention: other, sentence: fact.sentence.text }))
      .filter((found) => found !== undefined)
      .at(-1);
    if (month !== undefined) lastMonth = month;
    const person = fact.people.filter((mention) => mention.entry.kind === 'person').at(-1);
    if (person !== undefined) lastPerson = person.entry;
  }
  // Another engagement's sentence only lends its themes when it shares a person with this one
  // ("Kim received Kozlov … The following day, Kozlov chaired the commission").
  const mainOf = new Map(events.map((event) => [event.main, event]));
  for (const event of events) {
    const at = facts.indexOf(event.main);
    event.neighbours = [facts[at - 1], facts[at + 1]].filter((fact): fact is SentenceFacts => {
      if (
        fact === undefined ||
        Math.abs(fact.sentence.paragraph - event.main.sentence.paragraph) > 1
      ) {
        return false;
      }
      const other = mainOf.get(fact);
      return (
        other === undefined ||
        other.actors.some((actor) =>
          event.actors.some((mine) => mine.entry.name === actor.entry.name),
        )
      );
    });
  }
  return mergeRepeats(events);
}

/** The people a sentence names, and the one "his" or "her" stands for when it names none. */
function actorsOf({
  fact,
  lastPerson,
}: {
  fact: SentenceFacts;
  lastPerson: PersonEntry | undefined;
}): EventActor[] {
  const named: EventActor[] = [];
  for (const mention of fact.people) {
    if (named.some((actor) => actor.entry.name === mention.entry.name)) continue;
    named.push({
      entry: mention.entry,
      via: 'named',
      words: mention.text,
      speaks: isSpeaker({ text: fact.sentence.text, start: mention.start, end: mention.end }),
    });
  }
  const pronoun = /\b(?:he|his|him|she|her)\b/i.exec(fact.sentence.text);
  if (!fact.people.some((mention) => mention.entry.kind === 'person') && pronoun && lastPerson) {
    named.push({ entry: lastPerson, via: 'pronoun', words: pronoun[0], speaks: false });
  }
  return named;
}

/** An engagement whose sentence gives its own date. */
function datedEvent({
  fact,
  trigger,
  mention,
  named,
  reference,
  lastMonth,
  previous,
}: {
  fact: SentenceFacts;
  trigger: Trigger;
  mention: DateMention;
  named: EventActor[];
  reference: ReferenceDate | undefined;
  lastMonth: MonthContext | undefined;
  previous: DraftEvent | undefined;
}): DraftEvent {
  const sentenceMonth = fact.dates
    .filter((other) => other.index < mention.index)
    .map((other) => monthOf({ mention: other, sentence: fact.sentence.text }))
    .filter((month) => month !== undefined)
    .at(-1);
  const resolved = resolveDate({
    mention,
    context: {
      future: fact.tense === 'future',
      ...(reference && { reference }),
      ...(lastMonth && { lastMonth }),
      ...(previous?.date && { previous: { ...previous.date.value } }),
    },
    ...(sentenceMonth && { sentenceMonth }),
  });
  // "The following day, X and Y held talks" happens where the previous engagement did.
  const inherited =
    mention.kind === 'after-previous' && fact.places.length === 0 ? previous?.places : undefined;
  return {
    main: fact,
    trigger,
    sentences: [fact],
    actors: named,
    places: inherited ?? fact.places,
    ...(inherited !== undefined && inherited.length > 0 && { placesFrom: previous!.main }),
    ...(resolved.ok
      ? {
          date: noteForwardYear({
            finding: backdateIfPast({
              finding: {
                value: resolved.date,
                notes: resolved.notes,
                words: mention.text,
                sentence: fact,
              },
              fact,
              reference,
            }),
            fact,
            reference,
          }),
        }
      : { dateProblem: resolved.reason }),
  };
}

/** An engagement whose sentence gives no date: dated like the one before it, saying so. */
function carriedEvent({
  fact,
  trigger,
  named,
  previous,
}: {
  fact: SentenceFacts;
  trigger: Trigger;
  named: EventActor[];
  previous: DraftEvent | undefined;
}): DraftEvent {
  return {
    main: fact,
    trigger,
    sentences: [fact],
    actors: named,
    places: fact.places,
    ...(previous?.date
      ? {
          date: {
            ...previous.date,
            notes: [
              `no date in this sentence; dated like the engagement before it ("${previous.date.words}")`,
              ...previous.date.notes,
            ],
          },
        }
      : { dateProblem: `no date for "${excerpt(fact.sentence.text)}"` }),
  };
}

function join(event: DraftEvent, fact: SentenceFacts, named: EventActor[]): void {
  event.sentences.push(fact);
  for (const actor of named) {
    if (event.actors.some((known) => known.entry.name === actor.entry.name)) continue;
    if (fact.reporting && (actor.entry.kind === 'body' || !namesEngagement(fact))) {
      event.actors.push({ ...actor, via: 'reported' });
    } else if (fact.anaphoric && namesEngagement(fact)) {
      event.actors.push({ ...actor, via: 'joined' });
    }
  }
  if (event.places.length === 0 && fact.anaphoric) event.places = fact.places;
}

/** The latest engagement that already has every one of these actors and places. */
function covering(events: DraftEvent[], keys: string[]): DraftEvent | undefined {
  return [...events].reverse().find((event) => keys.every((key) => eventKeys(event).has(key)));
}

function eventKeys(event: DraftEvent): Set<string> {
  return new Set([
    ...event.actors.map((actor) => `p:${actor.entry.name}`),
    ...event.places.map((place) => `l:${place.entry.name}`),
  ]);
}

/** The paragraph of the latest sentence that names the engagement (context sentences do not count). */
function lastParagraph(event: DraftEvent): number {
  const anchors = event.sentences.filter((fact) => fact === event.main || namesEngagement(fact));
  return anchors.at(-1)!.sentence.paragraph;
}

/**
 * An engagement told twice, or an outline followed by its detail ("Kim travelled to several
 * destinations … his visit to the Oceanarium"), is one: same dates, and its actors and places
 * all found in the other.
 */
function mergeRepeats(events: DraftEvent[]): DraftEvent[] {
  const removed = new Set<DraftEvent>();
  for (const event of events) {
    const into = events.find(
      (other) =>
        other !== event &&
        !removed.has(other) &&
        sameDate(other, event) &&
        covers(other, event) &&
        (!covers(event, other) || events.indexOf(other) < events.indexOf(event)),
    );
    if (into === undefined) continue;
    for (const fact of event.sentences) {
      if (!into.sentences.includes(fact)) into.sentences.push(fact);
    }
    into.sentences.sort((a, b) => a.sentence.index - b.sentence.index);
    removed.add(event);
  }
  return events.filter((event) => !removed.has(event));
}

/** Whether every actor and place of `inner` is in `outer`. */
function covers(outer: DraftEvent, inner: DraftEvent): boolean {
  return (
    inner.actors.every((actor) =>
      outer.actors.some((known) => known.entry.name === actor.entry.name),
    ) &&
    inner.places.every((place) =>
      outer.places.some((known) => known.entry.name === place.entry.name),
    )
  );
}

function sameDate(a: DraftEvent, b: DraftEvent): boolean {
  if (a.date === undefined || b.date === undefined) return false;
  const x = a.date.value;
  const y = b.date.value;
  return x.start === y.start && x.end === y.end && x.precision === y.precision;
}

/** Whether the date's year was not written but taken from the reference date. */
const yearInferred = (finding: EventDateFinding) =>
  finding.notes.some((note) => note.startsWith('year inferred'));

/**
 * A sentence in the past tense cannot tell of a date after the article: when the year was only
 * inferred and lands after the reference date, the year before is meant.
 */
function backdateIfPast({
  finding,
  fact,
  reference,
}: {
  finding: EventDateFinding;
  fact: SentenceFacts;
  reference: ReferenceDate | undefined;
}): EventDateFinding {
  if (
    fact.tense !== 'past' ||
    !yearInferred(finding) ||
    reference === undefined ||
    finding.value.start <= reference.date
  ) {
    return finding;
  }
  const shift = (iso: string, isEnd: boolean) => {
    const { year, month, day } = dateParts(iso);
    if (finding.value.precision === 'month') {
      const range = monthRange(year - 1, month);
      return isEnd ? range.end : range.start;
    }
    return isoDate(year - 1, month, Math.min(day, daysInMonth(year - 1, month)));
  };
  return {
    ...finding,
    value: {
      ...finding.value,
      start: shift(finding.value.start, false),
      ...(finding.value.end !== undefined && { end: shift(finding.value.end, true) }),
    },
    notes: [
      ...finding.notes,
      'the sentence speaks of the past, so the year before the reference date',
    ],
  };
}

/**
 * A sentence about the future reads a date without a year as the next one to come: when that
 * puts it in a later year than the article's, the note says why, for the editor to check.
 */
function noteForwardYear({
  finding,
  fact,
  reference,
}: {
  finding: EventDateFinding;
  fact: SentenceFacts;
  reference: ReferenceDate | undefined;
}): EventDateFinding {
  if (
    fact.tense !== 'future' ||
    !yearInferred(finding) ||
    reference === undefined ||
    finding.value.start.slice(0, 4) <= reference.date.slice(0, 4)
  ) {
    return finding;
  }
  return {
    ...finding,
    notes: [
      ...finding.notes,
      'the sentence speaks of the future, so the next such date after the reference date',
    ],
  };
}

/** A short quotation of a sentence for notes and messages. */
export function excerpt(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
