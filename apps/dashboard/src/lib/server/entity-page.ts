import { countryName, THEMES, type Briefing } from '@briefing/schema';
import { error, redirect } from '@sveltejs/kit';
import { actorProfile, placeProfile, type ActorEntry, type PlaceEntry } from '../entities.js';
import { actorPath, placePath, slugify } from '@briefing/present/urls';
import { toListItem } from '../list-item.js';
import { timelineItem } from './overview.js';
import { entityFeedLinks, entityIndex } from './entities.js';
import { listHref } from '../list-url.js';
import { NAME_VARIANTS } from '../name-variants.js';
import { memo, type Snapshot } from './snapshot.js';

/**
 * The entry of a slug, or a redirect to the page of the name it spells ("lavrov", "Лавров",
 * "Sergey_Lavrov" → /actors/sergei-lavrov), or a 404.
 */
function findEntry<T extends ActorEntry | PlaceEntry>({
  slug,
  bySlug,
  aliases,
  href,
  what,
}: {
  slug: string;
  bySlug: ReadonlyMap<string, T>;
  aliases: ReadonlyMap<string, string>;
  href: (slug: string) => string;
  what: string;
}): T {
  const entry = bySlug.get(slug);
  if (entry !== undefined) return entry;
  const normal = slugify(slug);
  const canonical = bySlug.has(normal) ? normal : aliases.get(normal);
  if (canonical !== undefined) redirect(308, href(canonical));
  error(404, { message: `There is no ${what} "${slug.slice(0, 100)}" in the records.` });
}

function common(snapshot: Snapshot, entry: ActorEntry | PlaceEntry, kind: 'actor' | 'place') {
  const records = entry.recordIds.map((id) => snapshot.byId.get(id)!);
  const feeds = entityFeedLinks({ kind, slug: entry.slug, name: entry.name });
  return {
    records,
    view: {
      name: entry.name,
      slug: entry.slug,
      country: countryName(entry.country),
      total: records.length,
      themes: THEMES.map((theme) => theme.id).filter((id) =>
        records.some((record: Briefing) => record.themes.includes(id)),
      ),
      timeline: records.map(timelineItem),
      items: records.map(toListItem),
      feeds,
      alternate: feeds,
    },
  };
}

/** What an actor's page shows. */
export function actorPage({ snapshot, slug }: { snapshot: Snapshot; slug: string }) {
  const index = entityIndex(snapshot);
  const entry = findEntry({
    slug,
    bySlug: index.actorBySlug,
    aliases: index.actorAliases,
    href: actorPath,
    what: 'actor',
  });
  return memo(snapshot, `actor page ${entry.slug}`, () => {
    const { records, view } = common(snapshot, entry, 'actor');
    const profile = actorProfile({ actor: entry, records, index });
    return {
      ...view,
      offices: profile.offices,
      counterparts: profile.counterparts.map((c) => ({ ...c, country: countryName(c.country) })),
      places: profile.places,
      spellings: NAME_VARIANTS.find((names) => names.name === entry.name)?.variants ?? [],
      listHref: listHref({ query: { actors: [entry.name] } }),
    };
  });
}

/** What a place's page shows. */
export function placePage({ snapshot, slug }: { snapshot: Snapshot; slug: string }) {
  const index = entityIndex(snapshot);
  const entry = findEntry({
    slug,
    bySlug: index.placeBySlug,
    aliases: index.placeAliases,
    href: placePath,
    what: 'place',
  });
  return memo(snapshot, `place page ${entry.slug}`, () => {
    const { records, view } = common(snapshot, entry, 'place');
    const profile = placeProfile({ records, index });
    return {
      ...view,
      listHref: listHref({ query: { places: [entry.name] } }),
      actors: profile.actors.map((actor) => ({ ...actor, country: countryName(actor.country) })),
    };
  });
}

/** The list of actors (or places), optionally narrowed by a search over names and spellings. */
export function entityList({
  snapshot,
  kind,
  q,
}: {
  snapshot: Snapshot;
  kind: 'actor' | 'place';
  q: string;
}) {
  const index = entityIndex(snapshot);
  const entries = kind === 'actor' ? index.actors : index.places;
  const aliases = kind === 'actor' ? index.actorAliases : index.placeAliases;
  const wanted = slugify(q);
  const matches =
    wanted === ''
      ? entries
      : entries.filter(
          (entry) =>
            slugify(entry.name).includes(wanted) ||
            [...aliases].some(([alias, target]) => target === entry.slug && alias.includes(wanted)),
        );
  return {
    q,
    total: entries.length,
    entries: matches.map((entry) => ({
      name: entry.name,
      slug: entry.slug,
      country: countryName(entry.country),
      count: entry.recordIds.length,
    })),
  };
}
