import type { PersonEntry, PlaceEntry } from './gazetteer.js';
import { findTerm, foldTerm, foldText } from './normalize.js';

export interface Mention<T> {
  entry: T;
  start: number;
  end: number;
  /** The words as written in the text. */
  text: string;
}

// Words that make a following name a place ("talks in Moscow") rather than a speaker ("Moscow said").
// "visit Pyongyang" and "toured the Oceanarium" name the place with no preposition.
const LOCATIVE =
  /\b(?:in|to|at|into|from|near|on|inside|aboard|toward|towards|visit|visits|visited|visiting|tour|toured|touring|reached|left)\s+(?:the\s+)?$/i;

/** Mentions of gazetteer entries in a text; on overlaps the longest wins ("Kim Yo Jong" over "Kim"). */
export function findMentions<T extends { name: string; variants: string[] }>({
  text,
  entries,
}: {
  text: string;
  entries: readonly T[];
}): Mention<T>[] {
  const folded = foldText(text);
  const hits: Mention<T>[] = [];
  for (const entry of entries) {
    for (const term of new Set([entry.name, ...entry.variants].map(foldTerm))) {
      for (const hit of findTerm(folded, term, text)) {
        hits.push({ entry, start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end) });
      }
    }
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention<T>[] = [];
  for (const hit of hits) {
    if (kept.some((other) => hit.start < other.end && other.start < hit.end)) continue;
    kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Whether a mention follows a locative preposition ("in", "to", "at" …). */
export function isLocative({ text, start }: { text: string; start: number }): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  return LOCATIVE.test(before) && !/\baccording\s+to\s+(?:the\s+)?$/i.test(before);
}

// "…, the Kremlin said", "issued by Russia's foreign ministry": who tells of an engagement.
const SPEAKER_AFTER =
  /^[\s,'’s]*(?:\w+\s+){0,2}?(?:said|says|announced|announces|stated|reported|confirmed|confirms)\b/i;
const SPEAKER_BEFORE =
  /\b(?:issued by|according to|announced by|said by|statement by|statement from)\s+(?:the\s+)?$/i;

/** Whether a name in a sentence is the one reporting: "the Kremlin said", "according to KCNA". */
export function isSpeaker({
  text,
  start,
  end,
}: {
  text: string;
  start: number;
  end: number;
}): boolean {
  return (
    SPEAKER_AFTER.test(text.slice(end, end + 40)) ||
    SPEAKER_BEFORE.test(text.slice(Math.max(0, start - 24), start))
  );
}

// One syllable of a romanised Korean name ("Song", "Nam", "Ryong", "Hae", "nam").
const SYLLABLE =
  '(?:ch|ph|kh|th|ry|hy|ky|gy|ny|ts|[bcdghjkmnprstwy])?(?:ae|ai|eo|eu|oe|ui|wa|wo|ya|yo|yu|ye|[aeiou])(?:ng|[nmlkpt])?';
// "Kim Song Nam", "Choe Ryong-hae": a surname followed by a two-syllable given name.
const GIVEN_NAME_AFTER = new RegExp(`^\\s+${SYLLABLE}[- ]${SYLLABLE}\\b`, 'i');
// "Kim Song Nam" after "Kim Song": the second syllable of a longer given name.
const SYLLABLE_AFTER = new RegExp(`^[- ]${SYLLABLE}\\b`, 'i');
// A name goes on with a capital after a space, or after a hyphen ("Song-nam"): "Kim at the
// Kremlin" is Kim. (Apart, since the syllables above ignore case.)
const NAME_GOES_ON = /^(?:-|\s+[A-Z])/;

/**
 * A Korean name that goes on into someone else's: a surname alone ("Kim") before a given name
 * (Kim Song Nam is not Kim Jong Un), or a name with a one-syllable given name ("Kim Song") before
 * a second syllable (nor is he Kim Song).
 */
function isAnotherKorean({ text, mention }: { text: string; mention: Mention<PersonEntry> }) {
  const after = text.slice(mention.end);
  if (mention.entry.country !== 'PRK' || !NAME_GOES_ON.test(after)) return false;
  const words = mention.text.split(/[\s-]+/).length;
  return words === 1 ? GIVEN_NAME_AFTER.test(after) : words === 2 && SYLLABLE_AFTER.test(after);
}

/**
 * People and bodies in a sentence; a body named after a locative preposition is a place instead,
 * and a bare surname followed by another given name is someone else ("Kim Song Nam" is not Kim
 * Jong Un).
 */
export function findPeople({
  text,
  people,
}: {
  text: string;
  people: readonly PersonEntry[];
}): Mention<PersonEntry>[] {
  return findMentions({ text, entries: people }).filter(
    (mention) =>
      (mention.entry.kind === 'person' || !isLocative({ text, start: mention.start })) &&
      !isAnotherKorean({ text, mention }),
  );
}

/**
 * Places where something happens in a sentence: only names after a locative preposition count
 * ("a visit to Pyongyang", not "ties between Moscow and Pyongyang"), and a place contained in
 * another mentioned place replaces it ("the Oceanarium in Vladivostok" keeps the Oceanarium).
 */
export function findPlaces({
  text,
  places,
}: {
  text: string;
  places: readonly PlaceEntry[];
}): Mention<PlaceEntry>[] {
  const mentions = findMentions({ text, entries: places });
  const located = mentions.filter((mention, index) => {
    if (isLocative({ text, start: mention.start })) return true;
    // "at the Oceanarium and the University" or "in Komsomolsk and Vladivostok": a list after a locative.
    const previous = mentions[index - 1];
    return (
      previous !== undefined &&
      isLocative({ text, start: previous.start }) &&
      /^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$/i.test(text.slice(previous.end, mention.start))
    );
  });
  const containers = new Set<string>();
  for (const mention of located) {
    let within = mention.entry.within;
    while (within !== undefined) {
      containers.add(within);
      within = places.find((place) => place.name === within)?.within;
    }
  }
  const unique = new Map<string, Mention<PlaceEntry>>();
  for (const mention of located) {
    if (!containers.has(mention.entry.name) && !unique.has(mention.entry.name)) {
      unique.set(mention.entry.name, mention);
    }
  }
  return [...unique.values()];
}
