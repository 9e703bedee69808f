import {
  CONTENT_TYPES,
  absoluteUrl,
  compareItems,
  makeFeedFile,
  renderFeedDocument,
  toFeedItem,
  type FeedFile,
  type FeedItem,
  type FeedPage,
} from '@briefing/feeds';
import { SITE_NAME } from '@briefing/present';
import type { Briefing } from '@briefing/schema';
import { buildEntityIndex, type EntityIndex } from '../entities.js';
import { actorPath, entityFeedPaths, placePath } from '@briefing/present/urls';
import type { FeedLinkSet } from '../feed-types.js';
import { NAME_VARIANTS, PLACE_VARIANTS } from '../name-variants.js';
import { memo, type Snapshot } from './snapshot.js';

/**
 * The actors and places of the snapshot's records, indexed once, and kept by the next snapshot
 * while no record's names or date change (ids and names only: the records are not in it).
 */
export function entityIndex(snapshot: Snapshot): EntityIndex {
  return memo(
    snapshot,
    'entities',
    () =>
      buildEntityIndex({
        newestFirst: snapshot.newestFirst,
        variants: NAME_VARIANTS,
        placeVariants: PLACE_VARIANTS,
      }),
    ['names', 'dates'],
  );
}

export type EntityKind = 'actor' | 'place';

/** Entries in an actor's or place's feed: the newest updates, as in the scope feeds. */
const FEED_ENTRIES = 50;

/** The subscription links of an actor's or a place's feeds. */
export function entityFeedLinks({
  kind,
  slug,
  name,
}: {
  kind: EntityKind;
  slug: string;
  name: string;
}): FeedLinkSet {
  return { ...entityFeedPaths({ kind, slug }), title: `${SITE_NAME}: ${name}` };
}

const FEED_PATH = /^\/feeds\/(actors|places)\/([^/]+)\.(atom|rss|json)$/;

/**
 * The feed file of an actor or a place at a path such as /feeds/actors/sergei-lavrov.atom, built
 * on first request with @briefing/feeds' own renderers (so entries are the same as in every other
 * feed) and kept; undefined for any other path or an unknown slug.
 */
export async function entityFeedFile({
  snapshot: snapshotOf,
  path,
}: {
  /** Asked only for an actor's or a place's feed (after an edit, it costs a rebuild). */
  snapshot: () => Promise<Snapshot>;
  path: string;
}): Promise<FeedFile | undefined> {
  const match = FEED_PATH.exec(path);
  if (match === null) return undefined;
  const kind: EntityKind = match[1] === 'actors' ? 'actor' : 'place';
  let slug: string;
  try {
    slug = decodeURIComponent(match[2]!);
  } catch {
    return undefined;
  }
  const format = match[3] as 'atom' | 'rss' | 'json';
  const snapshot = await snapshotOf();
  const index = entityIndex(snapshot);
  const entry = (kind === 'actor' ? index.actorBySlug : index.placeBySlug).get(slug);
  if (entry === undefined) return undefined;
  return memo(snapshot, `feed ${kind} ${slug} ${format}`, () => {
    const records = entry.recordIds.map((id) => snapshot.byId.get(id)!);
    const links = entityFeedLinks({ kind, slug, name: entry.name });
    return renderEntityFeed({
      records,
      siteUrl: snapshot.siteUrl,
      kind,
      slug,
      name: entry.name,
      links,
      format,
    });
  });
}

/** One feed document of some records, titled and identified as an actor's or a place's. */
export function renderEntityFeed({
  records,
  siteUrl,
  kind,
  slug,
  name,
  links,
  format,
}: {
  records: readonly Briefing[];
  siteUrl: string;
  kind: EntityKind;
  slug: string;
  name: string;
  links: FeedLinkSet;
  format: 'atom' | 'rss' | 'json';
}): FeedFile {
  const items: FeedItem[] = records
    .map((record) => toFeedItem({ record, siteUrl }))
    .sort(compareItems)
    .slice(0, FEED_ENTRIES);
  const self = {
    atom: absoluteUrl({ siteUrl, path: links.atom }),
    rss: absoluteUrl({ siteUrl, path: links.rss }),
    json: absoluteUrl({ siteUrl, path: links.json }),
  };
  const updated = items.reduce<Date | undefined>(
    (newest, item) => (newest === undefined || item.updated > newest ? item.updated : newest),
    undefined,
  );
  const page: FeedPage = {
    // The renderers read no scope (only build-feeds' paging does); these feeds have one page.
    scope: { kind: 'all' },
    feedId: `tag:${new URL(siteUrl).hostname},2023:feeds/${kind}s/${slug}`,
    title: links.title,
    description:
      kind === 'actor'
        ? `Recorded Russia–DPRK engagements with ${name} taking part, newest update first.`
        : `Recorded Russia–DPRK engagements at ${name}, newest update first.`,
    homeUrl: absoluteUrl({ siteUrl, path: kind === 'actor' ? actorPath(slug) : placePath(slug) }),
    siteUrl,
    items,
    // Never the build time: the newest update shown (or a fixed date for no entries).
    updated: updated ?? new Date('2023-01-01T00:00:00Z'),
    self,
    current: self,
  };
  return makeFeedFile({
    path: new URL(self[format]).pathname,
    contentType: CONTENT_TYPES[format],
    bytes: renderFeedDocument({ page, items, format }),
    lastModified: page.updated,
  });
}
