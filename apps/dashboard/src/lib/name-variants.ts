import people from '@briefing/authoring/data/people.json';
import places from '@briefing/authoring/data/places.json';
import { foldText, type NameAliases } from '@briefing/schema';
import scripts from '@briefing/store/name-scripts.json';

/** The spellings of one person's or body's name, besides the one records write. */
export interface NameVariants {
  name: string;
  variants: readonly string[];
}

// The Cyrillic and Hangul spellings the store's search uses (@briefing/store's name-scripts.json),
// of people and places alike.
const SCRIPT_VARIANTS: readonly NameVariants[] = Object.entries(scripts.names).map(
  ([name, variants]) => ({ name, variants }),
);

/**
 * Every known spelling of each name: the authoring gazetteer's (people.json) and the Cyrillic and
 * Hangul ones, one list for both.
 */
export const NAME_VARIANTS: readonly NameVariants[] = mergeVariants([people, SCRIPT_VARIANTS]);

/** The same for places: the gazetteer's (places.json) and the Cyrillic and Hangul ones. */
export const PLACE_VARIANTS: readonly NameVariants[] = mergeVariants([places, SCRIPT_VARIANTS]);

export function mergeVariants(
  // The gazetteers' `variants` may be left out (their schema defaults it to none): these are
  // the JSON files as written, not parsed by that schema.
  lists: readonly (readonly (Omit<NameVariants, 'variants'> & Partial<NameVariants>)[])[],
): NameVariants[] {
  const byName = new Map<string, Set<string>>();
  for (const list of lists) {
    for (const { name, variants = [] } of list) {
      const set = byName.get(name) ?? new Set<string>();
      for (const variant of variants) set.add(variant);
      byName.set(name, set);
    }
  }
  return [...byName].map(([name, variants]) => ({ name, variants: [...variants] }));
}

/**
 * Folded spelling → name, for the list's search and actor filter. A spelling already inside the
 * name ("Lavrov" in "Sergei Lavrov") is left out, since the search finds it anyway and a bare
 * "Kim" must not stand for Kim Jong Un alone; so is a spelling two names share.
 */
export function nameAliases(entries: readonly NameVariants[] = NAME_VARIANTS): NameAliases {
  const aliases = new Map<string, string>();
  const shared = new Set<string>();
  const words = (text: string) => ` ${foldText(text).replace(/\p{Pd}/gu, ' ')} `;
  for (const { name, variants } of entries) {
    for (const variant of variants) {
      const folded = foldText(variant).trim();
      if (folded === '' || words(name).includes(words(variant))) continue;
      const other = aliases.get(folded);
      if (other !== undefined && other !== name) shared.add(folded);
      aliases.set(folded, name);
    }
  }
  for (const folded of shared) aliases.delete(folded);
  return aliases;
}

/** The aliases of every known name, made once. */
export const NAME_ALIASES: NameAliases = nameAliases();
