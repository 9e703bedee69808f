// Other spellings of names for full-text search. The index holds the records' own text; a search
// for one spelling of a name (Лавров, 라브로프, Choi Son Hui) also looks for all the others, so the
// index never depends on which spellings a process was given.
import { readFileSync } from 'node:fs';
import { foldText } from '@briefing/schema';

/** Other spellings of names: a name and its variants, in any script. */
export type Spellings = Readonly<Record<string, readonly string[]>>;

/** The spellings this package ships: names of people and places in Cyrillic and Hangul. */
export function defaultSpellings(): Record<string, string[]> {
  const url = new URL('../data/name-scripts.json', import.meta.url);
  const data = JSON.parse(readFileSync(url, 'utf8')) as { names: Record<string, string[]> };
  return data.names;
}

/** Spellings from gazetteer entries such as packages/authoring's data/people.json and places.json. */
export function spellingsFromGazetteer(
  entries: readonly { name: string; variants?: readonly string[] }[],
): Record<string, string[]> {
  return mergeSpellings(...entries.map((entry) => ({ [entry.name]: entry.variants ?? [] })));
}

/** One list of spellings: the variants every list gives a name, each once. */
export function mergeSpellings(...lists: Spellings[]): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const list of lists) {
    for (const [name, variants] of Object.entries(list)) {
      const all = new Set(merged[name] ?? []);
      for (const variant of variants) all.add(variant);
      merged[name] = [...all];
    }
  }
  return merged;
}

// Letters, digits and marks make words, as for SQLite's unicode61 tokenizer; the rest separates.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

interface Spelling {
  /** Folded words, for matching a query. */
  keys: string[];
  /** The FTS5 phrase that finds it. */
  phrase: string;
  group: number;
}

/** The longest a prefix must be to stand for a name ("Лав" for Лавров), in characters. */
const MIN_PREFIX = 2;
/** At most this many names may stand for one part of a query. */
const MAX_GROUPS = 12;

/** Turns search text into an FTS5 query: every word a prefix, every known name all its spellings. */
export class SpellingIndex {
  readonly #spellings: Spelling[] = [];
  readonly #groups: string[][] = [];

  constructor(spellings: Spellings) {
    for (const [name, variants] of Object.entries(spellings)) {
      const group = this.#groups.length;
      const phrases = new Map<string, Spelling>();
      for (const spelling of [name, ...variants]) {
        const words = wordsOf(spelling);
        if (words.length === 0) continue;
        const phrase = `"${words.join(' ')}"`;
        if (!phrases.has(phrase)) phrases.set(phrase, { keys: words.map(foldText), phrase, group });
      }
      this.#groups.push([...phrases.keys()]);
      this.#spellings.push(...phrases.values());
    }
  }

  /** The FTS5 MATCH expression for a search, or undefined when the text has no words. */
  toFtsQuery(text: string): string | undefined {
    const words = wordsOf(text);
    if (words.length === 0) return undefined;
    const keys = words.map(foldText);
    const parts: string[] = [];
    for (let start = 0; start < words.length;) {
      const { length, groups } = this.#longestMatch({ words, keys, start });
      const end = start + Math.max(length, 1);
      const typed = `"${words.slice(start, end).join(' ')}"*`;
      const alternatives = new Set([typed]);
      for (const group of [...groups].slice(0, MAX_GROUPS)) {
        for (const phrase of this.#groups[group]!) alternatives.add(phrase);
      }
      parts.push(alternatives.size === 1 ? typed : `(${[...alternatives].join(' OR ')})`);
      start = end;
    }
    return parts.join(' AND ');
  }

  /** The names whose spelling matches the most query words from `start` (the last may be a prefix). */
  #longestMatch({
    words,
    keys,
    start,
  }: {
    words: readonly string[];
    keys: readonly string[];
    start: number;
  }): { length: number; groups: Set<number> } {
    let length = 0;
    let groups = new Set<number>();
    for (const spelling of this.#spellings) {
      const count = spelling.keys.length;
      if (count < length || start + count > keys.length) continue;
      const last = start + count - 1;
      let matches = true;
      for (let i = 0; i < count - 1 && matches; i += 1) {
        matches = keys[start + i] === spelling.keys[i];
      }
      const typed = keys[last]!;
      const whole = spelling.keys[count - 1]!;
      matches &&=
        typed === whole ||
        (last === keys.length - 1 &&
          [...words[last]!].length >= MIN_PREFIX &&
          whole.startsWith(typed));
      if (!matches) continue;
      if (count > length) {
        length = count;
        groups = new Set();
      }
      groups.add(spelling.group);
    }
    return { length, groups };
  }
}
