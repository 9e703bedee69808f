import {
  countryName,
  formatProblem,
  sortBriefings,
  type Briefing,
  type Problem,
  type RelationKind,
} from '@briefing/schema';
import { loadBriefings } from '@briefing/schema/node';
import { commandRepoRoot, userCwd } from '@briefing/repo';
import { buildFeeds, carryLastModified, normalizeSiteUrl, type FeedSet } from '@briefing/feeds';
import { NOUNS, cleanRecord, countLabel } from '@briefing/present';
import { relative } from 'node:path';
import { resolveDataDir } from './data-dir.js';
import { readDocuments, type CitedDocument } from './documents.js';

/** A link from one record to another, seen from either end. */
export interface RelatedLink {
  id: string;
  relation: RelationKind;
  /** outgoing: this record names the other; incoming: the other names this one. */
  direction: 'outgoing' | 'incoming';
}

/** The records and everything derived from them once, at startup. */
export interface Store {
  records: readonly Briefing[];
  byId: ReadonlyMap<string, Briefing>;
  /** Records by event date, newest first: the list's default order, sorted once. */
  newestFirst: readonly Briefing[];
  related: ReadonlyMap<string, readonly RelatedLink[]>;
  feeds: FeedSet;
  facets: Facets;
  /** The documents the sources cite, by file name (see documentPath). */
  documents: ReadonlyMap<string, CitedDocument>;
  /** A cache for values derived from the records (overview charts…), filled on first use. */
  memo: Map<string, unknown>;
}

export interface Facets {
  actors: string[];
  places: string[];
  countries: { code: string; name: string }[];
}

export class InvalidDataError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: readonly Problem[],
  ) {
    super(
      `${countLabel(problems.length, NOUNS.problem)} in the briefing records in ${dir}:\n${problems.map(formatProblem).join('\n')}`,
    );
  }
}

/** Derive the store from valid records. */
export function buildStore({
  records: loaded,
  siteUrl,
  documents = new Map(),
}: {
  records: readonly Briefing[];
  siteUrl: string;
  documents?: ReadonlyMap<string, CitedDocument>;
}): Store {
  // Pages show what the feeds show: control characters no document may hold are dropped.
  const records = loaded.map(cleanRecord);
  const related = new Map<string, RelatedLink[]>(records.map((record) => [record.id, []]));
  // In event order, so that a trip lists its legs as they happened.
  for (const record of sortBriefings({ records, by: 'date' })) {
    for (const link of record.related ?? []) {
      related.get(record.id)!.push({ id: link.id, relation: link.relation, direction: 'outgoing' });
      related.get(link.id)?.push({ id: record.id, relation: link.relation, direction: 'incoming' });
    }
  }
  return {
    records,
    byId: new Map(records.map((record) => [record.id, record])),
    newestFirst: sortBriefings({ records, by: 'date', order: 'desc' }),
    related,
    feeds: buildFeeds({ records, siteUrl }),
    facets: buildFacets(records),
    documents,
    memo: new Map(),
  };
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

function buildFacets(records: readonly Briefing[]): Facets {
  const actors = new Set<string>();
  const places = new Set<string>();
  const countries = new Set<string>();
  for (const record of records) {
    for (const actor of record.actors) {
      actors.add(actor.name);
      countries.add(actor.country);
    }
    for (const place of record.places) {
      places.add(place.name);
      countries.add(place.country);
    }
  }
  return {
    actors: [...actors].sort(collator.compare),
    places: [...places].sort(collator.compare),
    countries: [...countries]
      .map((code) => ({ code, name: countryName(code) }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}

/** A setting (an environment variable) the server cannot start with. */
export class InvalidSettingError extends Error {}

/**
 * Load and check the records, or throw InvalidDataError listing every problem (or
 * InvalidSettingError for a SITE_URL that cannot be used).
 */
export async function loadStore({
  dir = resolveDataDir(),
  siteUrl = process.env.SITE_URL || localSiteUrl(process.env.PORT),
}: { dir?: string; siteUrl?: string } = {}): Promise<Store> {
  try {
    normalizeSiteUrl(siteUrl);
  } catch (error) {
    throw new InvalidSettingError(`SITE_URL: ${(error as Error).message}`);
  }
  // Name files relative to where the user ran the command.
  const cwd = userCwd();
  const shownDir = relative(cwd, dir) || '.';
  // Documents (`seeds/documents/…`) are the repository's, even when BRIEFING_DATA is elsewhere.
  const root = commandRepoRoot({ cwd });
  const loaded = await loadBriefings({
    dir: shownDir,
    cwd,
    ...(root === undefined ? {} : { root }),
  });
  const { documents, problems } = await readDocuments(loaded.documents);
  if (loaded.problems.length + problems.length > 0) {
    throw new InvalidDataError(shownDir, [...loaded.problems, ...problems]);
  }
  const store = buildStore({ records: loaded.records, siteUrl, documents });
  // Served feeds are dated at startup: see carryLastModified.
  return { ...store, feeds: carryLastModified({ next: store.feeds, now: new Date() }) };
}

/**
 * Without SITE_URL, feeds and exports link to this server on its PORT (`pnpm start` sets 3000
 * when none is given); PORT 0 (any free port) cannot be known here, so 3000 stands in.
 */
export function localSiteUrl(port: string | undefined): string {
  return `http://localhost:${port === undefined || port === '' || port === '0' ? 3000 : port}`;
}

let current: Promise<Store> | undefined;

/** The store of this server process, loaded on first use. */
export function getStore(): Promise<Store> {
  current ??= loadStore();
  return current;
}

/** A value derived from the store, computed once. */
export function memo<T>(store: Store, key: string, compute: () => T): T {
  if (!store.memo.has(key)) store.memo.set(key, compute());
  return store.memo.get(key) as T;
}
