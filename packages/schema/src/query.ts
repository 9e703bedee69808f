import { z } from 'zod';
import { IsoDate, type Briefing } from './briefing.js';
import { effectiveEnd } from './calendar-date.js';
import { countryName } from './countries.js';
import { foldText } from './normalize-text.js';
import { BriefingType, Status, ThemeId } from './vocabulary.js';

/** A filter over records: within a field any listed value matches; all given fields must match. */
export const BriefingQuery = z
  .strictObject({
    themes: z.array(ThemeId).optional(),
    types: z.array(BriefingType).optional(),
    actors: z
      .array(z.string())
      .optional()
      .meta({ description: 'Actor names, any case or accents.' }),
    countries: z
      .array(z.string())
      .optional()
      .meta({ description: 'Alpha-3 codes; matches any actor or place in that country.' }),
    places: z
      .array(z.string())
      .optional()
      .meta({ description: 'Place names, any case or accents.' }),
    status: z.array(Status).optional(),
    from: IsoDate.optional().meta({ description: 'Records that end on or after this date.' }),
    to: IsoDate.optional().meta({ description: 'Records that start on or before this date.' }),
    text: z.string().optional().meta({
      description:
        'Words that must all appear in the title, summary, actors or places (any case or accents).',
    }),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    error: 'expected from on or before to',
    path: ['to'],
  });
export type BriefingQuery = z.infer<typeof BriefingQuery>;

/**
 * The countries a record concerns: those of its actors and of its places, each once, in order.
 * The one rule behind the country filter, the country feeds and the exports.
 */
export function recordCountries(record: Briefing): string[] {
  return [...new Set([...record.actors, ...record.places].map((entry) => entry.country))];
}

/** Whether a record concerns a country (alpha-3): an actor from it, or a place in it. */
export function concernsCountry(record: Briefing, code: string): boolean {
  const upper = code.toUpperCase();
  return (
    record.actors.some((actor) => actor.country === upper) ||
    record.places.some((place) => place.country === upper)
  );
}

/**
 * Other spellings of names: a folded spelling ("лавров", "sergey lavrov") → the name as records
 * write it ("Sergei Lavrov"). See `filterBriefings`.
 */
export type NameAliases = ReadonlyMap<string, string>;

/**
 * The records matching a query, in their original order. With `aliases`, a spelling in the text
 * search matches itself or the name it stands for ("Лавров" finds "Sergei Lavrov"), and an actor
 * filter given as a spelling filters by that name.
 */
export function filterBriefings({
  records,
  query,
  aliases,
}: {
  records: readonly Briefing[];
  query: BriefingQuery;
  aliases?: NameAliases;
}): Briefing[] {
  const tests = buildTests(query, aliases);
  const matches: Briefing[] = [];
  outer: for (const record of records) {
    for (const test of tests) if (!test(record)) continue outer;
    matches.push(record);
  }
  return matches;
}

type Test = (record: Briefing) => boolean;

/** The tests a record must pass, cheapest first so most records fail before the costly ones. */
function buildTests(query: BriefingQuery, aliases: NameAliases | undefined): Test[] {
  const tests: Test[] = [];
  const anyOf = <T>(values: readonly T[] | undefined, test: (set: Set<T>) => Test) => {
    if (values !== undefined && values.length > 0) tests.push(test(new Set(values)));
  };
  anyOf(query.themes, (set) => (r) => r.themes.some((theme) => set.has(theme)));
  anyOf(query.types, (set) => (r) => set.has(r.type));
  anyOf(query.status, (set) => (r) => set.has(r.status));
  const { from, to } = query;
  // A record covers [start, effective end]; it matches when that range overlaps [from, to].
  if (from !== undefined) tests.push((r) => effectiveEnd(r.date) >= from);
  if (to !== undefined) tests.push((r) => r.date.start <= to);
  const countries = query.countries ?? [];
  if (countries.length > 0) tests.push((r) => countries.some((code) => concernsCountry(r, code)));
  anyOf(
    query.actors?.map((name) => foldText(aliases?.get(foldText(name)) ?? name)),
    (set) => (r) => r.actors.some((a) => set.has(foldText(a.name))),
  );
  anyOf(
    query.places?.map(foldText),
    (set) => (r) => r.places.some((p) => set.has(foldText(p.name))),
  );
  const terms = searchTerms(query.text ?? '', aliases);
  if (terms.length > 0) {
    tests.push((r) => {
      const haystack = searchableText(r);
      return terms.every((term) => term.some((word) => haystack.includes(word)));
    });
  }
  return tests;
}

/**
 * The text search as terms that must all match, each a list of alternatives: an alias phrase
 * found in the text (longest first, as whole words) is one term, matched by itself or its name;
 * every other word is a term of its own.
 */
export function searchTerms(text: string, aliases?: NameAliases): string[][] {
  let rest = foldText(text).replace(DASHES, ' ');
  const terms: string[][] = [];
  for (const [alias, name] of sortedAliases(aliases)) {
    if (!rest.includes(alias)) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(alias)}(?![\\p{L}\\p{N}])`, 'gu');
    if (!pattern.test(rest)) continue;
    terms.push([alias, foldText(name).replace(DASHES, ' ')]);
    rest = rest.replace(pattern, ' ');
  }
  for (const word of rest.split(/\s+/)) if (word !== '') terms.push([word]);
  return terms;
}

const sorted = new WeakMap<NameAliases, [string, string][]>();

function sortedAliases(aliases: NameAliases | undefined): [string, string][] {
  if (aliases === undefined) return [];
  let list = sorted.get(aliases);
  if (list === undefined) {
    list = [...aliases].map(([alias, name]): [string, string] => [
      foldText(alias).replace(DASHES, ' '),
      name,
    ]);
    list.sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
    sorted.set(aliases, list);
  }
  return list;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Dashes and hyphens separate words in the query and in the text alike, so that "Kim Jong-un"
// (as many outlets write it) finds "Kim Jong Un", and "Kim Jong Un" finds "Kim Jong-un".
const DASHES = /\p{Pd}/gu;

/** The words a `text` query must all find: folded, split at spaces, dashes and hyphens. */
export function queryWords(text: string): string[] {
  return foldText(text)
    .replace(DASHES, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
}

// Folded once per record object and kept while the record lives: records are immutable by
// contract (loaded, then only read), so a record edited in place would keep matching its old text.
const searchable = new WeakMap<Briefing, string>();

/**
 * The folded text a `text` query searches: title, summary, actors (name, office, country) and
 * places (name, country), with dashes as spaces. A word matches when it is a substring of it.
 */
export function searchableText(record: Briefing): string {
  let text = searchable.get(record);
  if (text === undefined) {
    text = foldText(
      [
        record.title,
        record.summary,
        ...record.actors.flatMap((a) => [a.name, a.office ?? '', countryName(a.country)]),
        ...record.places.flatMap((p) => [p.name, countryName(p.country)]),
      ].join('\n'),
    ).replace(DASHES, ' ');
    searchable.set(record, text);
  }
  return text;
}
