// Every site-relative URL the apps link to: a record, a theme page, the list with filters, the
// feeds. Type imports only, so the list page's browser code can use it without the schema.
import type { BriefingQuery, BriefingType, CountUnit, ThemeId } from '@briefing/schema';

export { SITE_NAME, pageTitle } from './site.js';
export { NOUNS, countLabel, pluralNoun, type Noun } from './plural.js';
export * from './entity-urls.js';

/** The page of one record: /briefings/<id>. */
export function recordPath({ id }: { id: string }): string {
  return `/briefings/${id}`;
}

/** The page of one theme: /themes/<id>. */
export function themePath({ id }: { id: ThemeId }): string {
  return `/themes/${id}`;
}

/** The scheme of theme categories in the feeds (their term is the theme id). */
export const THEMES_PATH = '/themes/';

/** The list of every record. */
export const LIST_PATH = '/briefings';

/** The list's exports: the same filters, every page at once. */
export const CSV_EXPORT_PATH = '/briefings.csv';
export const JSON_EXPORT_PATH = '/briefings.json';
export const SQLITE_EXPORT_PATH = '/briefings.sqlite';

/** The JSON Schema every record (each of the JSON export's `records`) follows. */
export const RECORD_SCHEMA_PATH = '/briefing.schema.json';

/** Records per page of the list. */
export const PAGE_SIZE = 50;
export const SORTS = [
  { id: 'date-desc', label: 'Newest first' },
  { id: 'date-asc', label: 'Oldest first' },
  { id: 'updated', label: 'Recently updated' },
  { id: 'title', label: 'Title A–Z' },
] as const;
export type SortId = (typeof SORTS)[number]['id'];
export const DEFAULT_SORT: SortId = 'date-desc';

/**
 * What the lists and charts count: engagements by default (a trip with its legs, an
 * announcement with what it announces, a statement with the event it follows count once), or
 * every record (`count=records`).
 */
export const DEFAULT_COUNT: CountUnit = 'engagements';
export const COUNT_UNITS: readonly CountUnit[] = ['engagements', 'records'];

/** The URL parameter name of each query field; repeated for lists (`theme=space&theme=defense`). */
export const PARAM_NAMES = {
  themes: 'theme',
  types: 'type',
  actors: 'actor',
  countries: 'country',
  places: 'place',
  status: 'status',
  from: 'from',
  to: 'to',
  text: 'q',
} as const satisfies Record<keyof BriefingQuery, string>;

export type ListField = 'themes' | 'types' | 'actors' | 'countries' | 'places' | 'status';
export const LIST_FIELDS: readonly ListField[] = [
  'themes',
  'types',
  'actors',
  'countries',
  'places',
  'status',
];

/** The canonical URL parameters of a list state; defaults are left out so URLs stay short. */
export function listSearchParams({
  query,
  sort = DEFAULT_SORT,
  page = 1,
  count = DEFAULT_COUNT,
}: {
  query: BriefingQuery;
  sort?: SortId;
  page?: number;
  count?: CountUnit;
}): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of LIST_FIELDS) {
    for (const value of query[field] ?? []) params.append(PARAM_NAMES[field], value);
  }
  if (query.from !== undefined) params.set(PARAM_NAMES.from, query.from);
  if (query.to !== undefined) params.set(PARAM_NAMES.to, query.to);
  if (query.text !== undefined && query.text !== '') params.set(PARAM_NAMES.text, query.text);
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  if (count !== DEFAULT_COUNT) params.set('count', count);
  if (page > 1) params.set('page', String(page));
  return params;
}

/** The list page for a query string (without "?"): /briefings or /briefings?<search>. */
export function listPathOf(search: string): string {
  return search === '' ? LIST_PATH : `${LIST_PATH}?${search}`;
}

/** A link to the list, filtered: `/briefings?theme=space&from=2023-09-01`. */
export function listHref(state: {
  query: BriefingQuery;
  sort?: SortId;
  page?: number;
  count?: CountUnit;
}): string {
  return listPathOf(listSearchParams(state).toString());
}

/**
 * The feed (or calendar) of a list view: /feeds/view.atom?theme=space, with the list's filter
 * parameters (not its order, page or count: a feed holds the newest records).
 */
export function viewFeedPath({
  query,
  format,
}: {
  query: BriefingQuery;
  format: FeedFormat | 'ics';
}): string {
  const search = listSearchParams({ query }).toString();
  return `/feeds/view.${format}${search === '' ? '' : `?${search}`}`;
}

/** Which records a feed carries. */
export type FeedScope =
  | { kind: 'all' }
  | { kind: 'theme'; id: ThemeId }
  | { kind: 'type'; id: BriefingType }
  | { kind: 'country'; code: string };

export type FeedFormat = 'rss' | 'atom' | 'json';
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

export const FEEDS_ROOT = '/feeds/';
/** The calendar one subscribes to: the most recent engagements (see the feeds' CALENDAR_SIZE). */
export const calendarPath = `${FEEDS_ROOT}calendar.ics`;
/** The calendar of every engagement that began in a year: /feeds/calendar/2024.ics. */
export function calendarYearPath({ year }: { year: string }): string {
  return `${FEEDS_ROOT}calendar/${year}.ics`;
}
const CALENDAR_YEAR_PATH = new RegExp(`^${FEEDS_ROOT}calendar/(\\d{4})\\.ics$`);
/** The year of a year's calendar path ("2024" of /feeds/calendar/2024.ics), or undefined. */
export function calendarYearOf(path: string): string | undefined {
  return CALENDAR_YEAR_PATH.exec(path)?.[1];
}
/** OPML of every feed once, as Atom: importing it subscribes to each feed once. */
export const opmlPath = `${FEEDS_ROOT}feeds.opml`;
/** The same list with the RSS 2.0 feeds, for readers that prefer RSS. */
export const opmlRssPath = `${FEEDS_ROOT}feeds-rss.opml`;

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

/** The current (subscription) feed of a scope in each format. */
export function feedPaths({ scope }: { scope: FeedScope }): Record<FeedFormat, string> {
  const base = `${FEEDS_ROOT}${scopeSegment({ scope })}`;
  return { rss: `${base}.rss`, atom: `${base}.atom`, json: `${base}.json` };
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

/** The list query that selects a scope's records: a feed holds the newest of exactly these. */
export function scopeQuery({ scope }: { scope: FeedScope }): BriefingQuery {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'theme':
      return { themes: [scope.id] };
    case 'type':
      return { types: [scope.id] };
    case 'country':
      return { countries: [scope.code] };
  }
}

/**
 * The page a scope's feed describes (its HTML alternate): the list filtered the same way, so the
 * feed's items are the newest records of that list.
 */
export function scopePagePath({ scope }: { scope: FeedScope }): string {
  switch (scope.kind) {
    case 'all':
      return LIST_PATH;
    case 'theme':
      return themePath({ id: scope.id });
    case 'type':
    case 'country':
      return listHref({ query: scopeQuery({ scope }) });
  }
}
