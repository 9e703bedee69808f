import { effectiveEnd, formatDateRange, type Briefing } from '@briefing/schema';
import { slugify } from '@briefing/present/urls';
import type { NameVariants } from './name-variants.js';

/** A person or body as records name it: a name and a country. */
export interface ActorEntry {
  slug: string;
  name: string;
  country: string;
  /** Their records, newest first. */
  recordIds: string[];
}

/** A place as records name it: a name and a country. */
export interface PlaceEntry {
  slug: string;
  name: string;
  country: string;
  recordIds: string[];
}

export interface EntityIndex {
  /** Most records first, then by name. */
  actors: ActorEntry[];
  places: PlaceEntry[];
  actorBySlug: ReadonlyMap<string, ActorEntry>;
  placeBySlug: ReadonlyMap<string, PlaceEntry>;
  /** An actor's entry by `entityKey` of its name and country. */
  actorByKey: ReadonlyMap<string, ActorEntry>;
  placeByKey: ReadonlyMap<string, PlaceEntry>;
  /** Slugs of other spellings ("lavrov", "лавров", "sergey-lavrov") → the actor's slug. */
  actorAliases: ReadonlyMap<string, string>;
  /** The same for places ("пхеньян", "rajin" → "rason"). */
  placeAliases: ReadonlyMap<string, string>;
}

/** The identity of an actor or a place across records: its country and its name as written. */
export const entityKey = (entity: { country: string; name: string }): string =>
  `${entity.country}:${entity.name}`;

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * Every actor and place of the records with a slug each (its name's, with the country added when
 * two share a name), and the slugs of other spellings of their names.
 */
export function buildEntityIndex({
  newestFirst,
  variants = [],
  placeVariants = [],
}: {
  newestFirst: readonly Briefing[];
  /** Other spellings of actors' names, and of places' names. */
  variants?: readonly NameVariants[];
  placeVariants?: readonly NameVariants[];
}): EntityIndex {
  const actors = collect(newestFirst, (record) => record.actors);
  const places = collect(newestFirst, (record) => record.places);
  const actorBySlug = new Map(actors.map((actor) => [actor.slug, actor]));
  const placeBySlug = new Map(places.map((place) => [place.slug, place]));
  return {
    actors,
    places,
    actorBySlug,
    placeBySlug,
    actorByKey: new Map(actors.map((actor) => [entityKey(actor), actor])),
    placeByKey: new Map(places.map((place) => [entityKey(place), place])),
    actorAliases: aliasesOf({ entries: actors, bySlug: actorBySlug, variants }),
    placeAliases: aliasesOf({ entries: places, bySlug: placeBySlug, variants: placeVariants }),
  };
}

/**
 * The slug of each other spelling → the slug of the one entry of that name; a spelling of two
 * entries' names, or of a name two entries share, leads nowhere.
 */
function aliasesOf({
  entries,
  bySlug,
  variants,
}: {
  entries: readonly { name: string; slug: string }[];
  bySlug: ReadonlyMap<string, unknown>;
  variants: readonly NameVariants[];
}): Map<string, string> {
  const aliases = new Map<string, string>();
  const shared = new Set<string>();
  for (const { name, variants: spellings } of variants) {
    const matches = entries.filter((entry) => entry.name === name);
    if (matches.length !== 1) continue;
    for (const spelling of spellings) {
      const alias = slugify(spelling);
      if (alias === '' || bySlug.has(alias)) continue;
      const other = aliases.get(alias);
      if (other !== undefined && other !== matches[0]!.slug) shared.add(alias);
      aliases.set(alias, matches[0]!.slug);
    }
  }
  for (const alias of shared) aliases.delete(alias);
  return aliases;
}

function collect<T extends { name: string; country: string }>(
  newestFirst: readonly Briefing[],
  of: (record: Briefing) => readonly T[],
): (ActorEntry & PlaceEntry)[] {
  const byKey = new Map<string, { name: string; country: string; recordIds: string[] }>();
  for (const record of newestFirst) {
    for (const entity of of(record)) {
      const key = entityKey(entity);
      let entry = byKey.get(key);
      if (entry === undefined) {
        entry = { name: entity.name, country: entity.country, recordIds: [] };
        byKey.set(key, entry);
      }
      if (entry.recordIds[entry.recordIds.length - 1] !== record.id)
        entry.recordIds.push(record.id);
    }
  }
  const entries = [...byKey.values()];
  const slugCount = new Map<string, number>();
  for (const entry of entries) {
    const slug = slugify(entry.name);
    slugCount.set(slug, (slugCount.get(slug) ?? 0) + 1);
  }
  return entries
    .map((entry) => {
      const slug = slugify(entry.name);
      return {
        ...entry,
        slug: slugCount.get(slug)! > 1 ? slugify(`${entry.name} ${entry.country}`) : slug,
      };
    })
    .sort((a, b) => b.recordIds.length - a.recordIds.length || collator.compare(a.name, b.name));
}

/** An office an actor held, as its records name it, over a run of consecutive records. */
export interface OfficeRun {
  office: string;
  /** The dates of the first and last records of the run, as readers see them. */
  first: string;
  last: string;
  count: number;
}

/** A named actor or place with a count of shared records, linking to its page. */
export interface Counted {
  name: string;
  slug: string;
  country: string;
  count: number;
}

/**
 * The offices an actor held at each date (the records' `actor.office`, oldest first, a new run
 * whenever it changes) and the actors of other countries met, with the number of shared records.
 */
export function actorProfile({
  actor,
  records,
  index,
}: {
  actor: { name: string; country: string };
  /** The actor's records, in any order. */
  records: readonly Briefing[];
  index: Pick<EntityIndex, 'actorByKey' | 'placeByKey'>;
}): { offices: OfficeRun[]; counterparts: Counted[]; places: Counted[] } {
  const oldestFirst = [...records].sort(
    (a, b) =>
      a.date.start.localeCompare(b.date.start) ||
      effectiveEnd(a.date).localeCompare(effectiveEnd(b.date)) ||
      a.id.localeCompare(b.id),
  );
  const offices: OfficeRun[] = [];
  for (const record of oldestFirst) {
    const office = record.actors.find(
      (other) => other.name === actor.name && other.country === actor.country,
    )?.office;
    if (office === undefined) continue;
    const run = offices[offices.length - 1];
    const date = formatDateRange(record.date);
    if (run !== undefined && run.office === office) {
      run.last = date;
      run.count += 1;
    } else {
      offices.push({ office, first: date, last: date, count: 1 });
    }
  }
  return {
    offices,
    counterparts: countShared({
      records,
      of: (record) => record.actors.filter((other) => other.country !== actor.country),
      lookup: index.actorByKey,
    }),
    places: countShared({ records, of: (record) => record.places, lookup: index.placeByKey }),
  };
}

/** The actors who took part in a place's records, with their number of records there. */
export function placeProfile({
  records,
  index,
}: {
  records: readonly Briefing[];
  index: Pick<EntityIndex, 'actorByKey'>;
}): { actors: Counted[] } {
  return {
    actors: countShared({ records, of: (record) => record.actors, lookup: index.actorByKey }),
  };
}

function countShared<T extends { name: string; country: string }>({
  records,
  of,
  lookup,
}: {
  records: readonly Briefing[];
  of: (record: Briefing) => readonly T[];
  lookup: ReadonlyMap<string, { slug: string }>;
}): Counted[] {
  const counts = new Map<string, Counted>();
  for (const record of records) {
    for (const key of new Set(of(record).map(entityKey))) {
      const entity = of(record).find((candidate) => entityKey(candidate) === key)!;
      const entry = counts.get(key) ?? {
        name: entity.name,
        slug: lookup.get(key)?.slug ?? '',
        country: entity.country,
        count: 0,
      };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
}
