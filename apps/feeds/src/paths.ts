import { BRIEFING_TYPES, THEMES, countryName, themeLabel, typeLabel } from '@briefing/schema';
import type { Briefing, BriefingType, ThemeId } from '@briefing/schema';

/** Which records a feed carries. */
export type FeedScope =
  | { kind: 'all' }
  | { kind: 'theme'; id: ThemeId }
  | { kind: 'type'; id: BriefingType }
  | { kind: 'country'; code: string };

export type FeedFormat = 'rss' | 'atom' | 'json';
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** Site-relative paths of one scope's feeds, and its title. */
export interface FeedLinks {
  rss: string;
  atom: string;
  json: string;
  title: string;
}

export const FEEDS_ROOT = '/feeds/';
export const calendarPath = '/feeds/calendar.ics';
/** OPML of every feed once, as Atom: importing it subscribes to each feed once. */
export const opmlPath = '/feeds/feeds.opml';
/** The same list with the RSS 2.0 feeds, for readers that prefer RSS. */
export const opmlRssPath = '/feeds/feeds-rss.opml';

const SITE_NAME = 'Russia–DPRK briefings';

/** The scope's path segment under /feeds/ (and /feeds/archive/), e.g. "themes/space". */
export function scopeSegment({ scope }: { scope: FeedScope }): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'theme':
      return `themes/${scope.id}`;
    case 'type':
      return `types/${scope.id}`;
    case 'country':
      return `countries/${scope.code.toLowerCase()}`;
  }
}

/** A human title for the scope's feeds, e.g. "Russia–DPRK briefings: Space". */
export function scopeTitle({ scope }: { scope: FeedScope }): string {
  switch (scope.kind) {
    case 'all':
      return SITE_NAME;
    case 'theme':
      return `${SITE_NAME}: ${themeLabel(scope.id)}`;
    case 'type':
      return `${SITE_NAME}: ${typeLabel(scope.id)}`;
    case 'country':
      return `${SITE_NAME}: ${countryName(scope.code)}`;
  }
}

/** The current (subscription) feeds of a scope. */
export function feedLinks({ scope }: { scope: FeedScope }): FeedLinks {
  const base = `${FEEDS_ROOT}${scopeSegment({ scope })}`;
  return {
    rss: `${base}.rss`,
    atom: `${base}.atom`,
    json: `${base}.json`,
    title: scopeTitle({ scope }),
  };
}

/** An RFC 5005 archive document of a scope; page 1 holds the oldest items. */
export function archivePath({
  scope,
  page,
  format,
}: {
  scope: FeedScope;
  page: number;
  format: FeedFormat;
}): string {
  return `${FEEDS_ROOT}archive/${scopeSegment({ scope })}/${page}.${format}`;
}

/** The site-relative page a scope's feed describes (its HTML alternate). */
export function scopePagePath({ scope }: { scope: FeedScope }): string {
  switch (scope.kind) {
    case 'theme':
      return `/themes/${scope.id}`;
    case 'type':
      return `/briefings?type=${encodeURIComponent(scope.id)}`;
    case 'country':
      return `/briefings?country=${encodeURIComponent(scope.code)}`;
    default:
      return '/';
  }
}

/** The dashboard page of one record. */
export function recordPath({ id }: { id: string }): string {
  return `/briefings/${id}`;
}

/** Countries taking part (any actor's country) in the records, sorted by code. */
export function participatingCountries({ records }: { records: readonly Briefing[] }): string[] {
  const codes = new Set<string>();
  for (const record of records) for (const actor of record.actors) codes.add(actor.country);
  return [...codes].sort();
}

/**
 * Every scope with a feed: all briefings, every theme and type of the vocabulary (kept even when
 * empty, so subscribers' URLs stay stable) and every country taking part.
 */
export function feedScopes({ records }: { records: readonly Briefing[] }): FeedScope[] {
  return [
    { kind: 'all' },
    ...THEMES.map((theme): FeedScope => ({ kind: 'theme', id: theme.id })),
    ...BRIEFING_TYPES.map((type): FeedScope => ({ kind: 'type', id: type.id })),
    ...participatingCountries({ records }).map((code): FeedScope => ({ kind: 'country', code })),
  ];
}

/** Whether a record belongs in a scope's feed. */
export function inScope({ scope, record }: { scope: FeedScope; record: Briefing }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'theme':
      return record.themes.includes(scope.id);
    case 'type':
      return record.type === scope.id;
    case 'country':
      return record.actors.some((actor) => actor.country === scope.code);
  }
}

/** The scopes a record belongs to (the same answer as `inScope`, one pass per record). */
export function scopesOf(record: Briefing): FeedScope[] {
  const countries = [...new Set(record.actors.map((actor) => actor.country))];
  return [
    { kind: 'all' },
    ...record.themes.map((id): FeedScope => ({ kind: 'theme', id })),
    { kind: 'type', id: record.type },
    ...countries.map((code): FeedScope => ({ kind: 'country', code })),
  ];
}

/** Every subscription feed, for a /feeds page: scope, title and paths. */
export function listFeeds(records: readonly Briefing[]): { scope: FeedScope; links: FeedLinks }[] {
  return feedScopes({ records }).map((scope) => ({ scope, links: feedLinks({ scope }) }));
}
