import type { BriefingQuery } from '@briefing/schema';

// What the browser needs to build list URLs: no schema code, so the list page's JavaScript stays small.

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
}: {
  query: BriefingQuery;
  sort?: SortId;
  page?: number;
}): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of LIST_FIELDS) {
    for (const value of query[field] ?? []) params.append(PARAM_NAMES[field], value);
  }
  if (query.from !== undefined) params.set(PARAM_NAMES.from, query.from);
  if (query.to !== undefined) params.set(PARAM_NAMES.to, query.to);
  if (query.text !== undefined && query.text !== '') params.set(PARAM_NAMES.text, query.text);
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  if (page > 1) params.set('page', String(page));
  return params;
}

/** A link to the list, filtered: `/briefings?theme=space&from=2023-09-01`. */
export function listHref(state: { query: BriefingQuery; sort?: SortId; page?: number }): string {
  const search = listSearchParams(state).toString();
  return search === '' ? '/briefings' : `/briefings?${search}`;
}
