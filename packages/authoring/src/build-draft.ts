import {
  Briefing,
  type Actor,
  type ActorRole,
  type BriefingType,
  type Place,
  type Source,
  type ThemeId,
} from '@briefing/schema';
import { detectStatus } from './detect-status.js';
import { detectThemes } from './detect-themes.js';
import { draftId, draftTitle, fitNote } from './draft-text.js';
import { officeOn, type Gazetteers } from './gazetteer.js';
import { excerpt, type DraftEvent, type EventActor } from './group-events.js';
import type { ReferenceDate } from './dates/resolve-date.js';
import { slugify } from './draft-text.js';

// Types whose nature implies a theme even when no keyword says so.
const TYPE_THEMES: Partial<Record<BriefingType, ThemeId>> = {
  summit: 'diplomacy',
  ratification: 'diplomacy',
  commission: 'trade-energy',
  'transport-link': 'trade-energy',
  'un-vote': 'regional-security',
};

export type BuiltDraft = { ok: true; record: Briefing } | { ok: false; problem: string };

/** Turns a grouped engagement into a draft record, checked against the schema. */
export function buildDraft({
  event,
  gazetteers,
  source,
  reference,
  today,
  takenIds,
}: {
  event: DraftEvent;
  gazetteers: Gazetteers;
  source: Source;
  reference?: ReferenceDate;
  today: string;
  takenIds: ReadonlySet<string>;
}): BuiltDraft {
  const where = `"${excerpt(event.main.sentence.text)}"`;
  if (event.date === undefined) {
    return {
      ok: false,
      problem: `skipped the engagement in ${where}: ${event.dateProblem ?? 'no date'}`,
    };
  }
  const date = event.date.value;
  const placeEntries = event.places.map((mention) => mention.entry);
  const placeCountry = placeEntries[0]?.country;
  const type = engagementType({ event });
  const actors: Actor[] = event.actors.map((actor) => {
    const office = officeOn({ person: actor.entry, date: date.start });
    return {
      name: actor.entry.name,
      country: actor.entry.country,
      ...(office !== undefined && { office }),
      role: roleOf({ actor, type, placeCountry }),
    };
  });
  if (actors.length === 0) {
    return {
      ok: false,
      problem: `skipped the engagement in ${where}: no known actor (add them to data/people.json)`,
    };
  }
  const places: Place[] = placeEntries.map((entry) => ({
    name: entry.name,
    country: entry.country,
    ...(entry.lat !== undefined && entry.lon !== undefined && { lat: entry.lat, lon: entry.lon }),
  }));

  const readable = event.sentences.filter((fact) => !fact.hedged || fact === event.main);
  const themeHits = detectThemes({
    sentences: readable.map((fact) => fact.sentence.text),
    lexicon: gazetteers.themes,
  });
  const themes: ThemeId[] = themeHits.map((hit) => hit.theme);
  const themeNotes = themeHits.map((hit) => `${hit.theme} ("${hit.term}")`);
  if (themes.length === 0) {
    // No theme word about the engagement itself: the sentences around it usually say what it was for.
    const around = (event.neighbours ?? []).filter((fact) => !fact.hedged);
    for (const hit of detectThemes({
      sentences: around.map((fact) => fact.sentence.text),
      lexicon: gazetteers.themes,
    })) {
      themes.push(hit.theme);
      themeNotes.push(`${hit.theme} ("${hit.term}", in a sentence beside it)`);
    }
  }
  const implied = TYPE_THEMES[type];
  if (implied !== undefined && !themes.includes(implied)) {
    themes.push(implied);
    themeNotes.push(`${implied} (a ${type})`);
  }
  if (themes.length === 0) {
    themes.push('diplomacy');
    themeNotes.push('diplomacy (no theme word found; default)');
  }

  const others = event.sentences.filter((fact) => fact !== event.main && !fact.hedged);
  let { status, cue } = detectStatus({
    text: event.main.sentence.text,
    context: others.map((fact) => fact.sentence.text).join(' '),
  });
  const dateNotes = [...event.date.notes];
  if (status === 'occurred' && reference !== undefined && date.start > reference.date) {
    status = 'planned';
    cue = `dated after the reference date ${reference.date}`;
  }

  const principals = actors.filter((actor) => actor.role !== 'speaker');
  // Ids name people first ("volodin-pyongyang-2025-06"); a body only when no person is named.
  const parties = event.actors.filter((_, index) => actors[index]!.role !== 'speaker');
  const people = parties.filter((actor) => actor.entry.kind === 'person');
  const actorSlugs = (people.length > 0 ? people : parties.length > 0 ? parties : event.actors).map(
    (actor) => actor.entry.slug ?? slugify(actor.entry.name.split(' ').at(-1)!),
  );
  const id = draftId({
    actorSlugs:
      actorSlugs.length > 0 ? actorSlugs : event.actors.map((actor) => slugify(actor.entry.name)),
    ...(placeEntries[0] !== undefined && {
      placeSlug: placeEntries[0].slug ?? slugify(placeEntries[0].name.split(',')[0]!),
    }),
    start: date.start,
    taken: takenIds,
  });

  const confidence = fitNote(
    [
      `Drafted by briefing extract; check every field. type ${type}: "${event.trigger.term}" in ${where}`,
      `date: "${around(event.date.sentence.sentence.text, event.date.words)}"${
        dateNotes.length > 0 ? ` (${dateNotes.join('; ')})` : ''
      }`,
      `actors: ${event.actors
        .map((actor, index) => `${actor.entry.name} as ${actors[index]!.role} ("${actor.words}")`)
        .join(', ')}`,
      places.length > 0
        ? `places: ${event.places.map((mention) => `${mention.entry.name} ("${mention.text}")`).join(', ')}${
            event.placesFrom
              ? ` (from the engagement before: "${excerpt(event.placesFrom.sentence.text, 50)}")`
              : ''
          }`
        : 'places: none named after in/at/to',
      `themes: ${themeNotes.join(', ')}`,
      `status ${status}: "${cue}"`,
    ],
    1000,
  );

  const candidate = {
    id,
    title: draftTitle({ type, actors: principals.length > 0 ? principals : actors, places }),
    summary: summaryOf({ event }),
    type,
    status,
    date: {
      ...date,
      ...(dateNotes.length > 0 && { note: fitNote([capitalise(dateNotes.join('; '))], 500) }),
    },
    themes,
    actors,
    places,
    sources: [source],
    confidence: { level: 'low', note: confidence },
    revision: {
      created: today,
      updated: today,
      changes: [
        { date: today, note: `Drafted by briefing extract from ${source.url ?? source.document}` },
      ],
    },
  };
  const parsed = Briefing.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      problem: `bug: the draft "${id}" is not a valid record (${issue.path.join('.')}: ${issue.message}); skipped`,
    };
  }
  return { ok: true, record: parsed.data };
}

function engagementType({ event }: { event: DraftEvent }): BriefingType {
  const type = event.trigger.type;
  const leaders = new Set(
    event.actors
      .filter((actor) => actor.via !== 'reported' && actor.entry.leader)
      .map((actor) => actor.entry.country),
  );
  if (['visit', 'talks', 'site-visit'].includes(type) && leaders.has('RUS') && leaders.has('PRK'))
    return 'summit';
  if (type === 'visit' && event.places[0]?.entry.kind === 'site') return 'site-visit';
  return type;
}

function roleOf({
  actor,
  type,
  placeCountry,
}: {
  actor: EventActor;
  type: BriefingType;
  placeCountry: string | undefined;
}): ActorRole {
  if (actor.via === 'reported' || type === 'statement' || type === 'announcement') return 'speaker';
  // "…, Russia's foreign ministry announced": the one who tells of it, not a party to it.
  if (actor.speaks) return 'speaker';
  if (type === 'agreement' || type === 'ratification') return 'signatory';
  if (type === 'call' || actor.entry.kind === 'body' || placeCountry === undefined)
    return 'participant';
  return actor.entry.country === placeCountry ? 'host' : 'visitor';
}

/** The sentences of the main paragraph that tell of the engagement, up to three. */
function summaryOf({ event }: { event: DraftEvent }): string {
  const paragraph = event.main.sentence.paragraph;
  const picked = event.sentences
    .filter(
      (fact) => fact === event.main || (fact.sentence.paragraph === paragraph && !fact.hedged),
    )
    .slice(0, 3)
    .map((fact) => fact.sentence.text);
  const text = picked.join(' ');
  return text.length <= 1500 ? text : `${text.slice(0, 1499)}…`;
}

/** The words of a sentence leading up to a phrase, for notes: "plans a visit to Pyongyang on the 18th and 19th". */
function around(sentence: string, words: string): string {
  const at = sentence.indexOf(words);
  if (at === -1) return excerpt(sentence);
  const end = at + words.length;
  let start = Math.max(0, end - 70);
  if (start > 0) start = sentence.indexOf(' ', start) + 1 || start;
  return sentence.slice(start, end).replace(/^[\s,;:]+/, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
