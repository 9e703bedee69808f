import {
  BriefingQuery,
  CountryCode,
  formatIsoDate,
  isKnownCountry,
  type BriefingType,
  type CountUnit,
  type Status,
  type ThemeId,
} from '@briefing/schema';
import { countryName, statusLabel, themeLabel, typeLabel } from '@briefing/present';
import {
  COUNT_UNITS,
  DEFAULT_COUNT,
  DEFAULT_SORT,
  LIST_FIELDS,
  PARAM_NAMES,
  SORTS,
  type ListField,
  type SortId,
} from './list-url.js';

/** Longest text or name accepted in a filter; longer values are ignored with a note. */
export const MAX_VALUE_LENGTH = 200;
/** Most values accepted for one filter field. */
export const MAX_VALUES_PER_FIELD = 50;

export interface ListParams {
  query: BriefingQuery;
  sort: SortId;
  /** Engagements (one row per engagement, its legs under it) or every record. */
  count: CountUnit;
  /** 1-based page asked for; the page loader clamps it to the pages that exist. */
  page: number;
  /** One sentence per ignored parameter, for the reader. */
  notes: string[];
}

/** Quote a user-supplied value in a note, cut short so a huge parameter cannot flood the page. */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

// The list fields read as their parameter names ("theme", "actor"); the others need words.
const FIELD_NOUNS: Record<keyof BriefingQuery, string> = {
  ...PARAM_NAMES,
  from: 'start date',
  to: 'end date',
  text: 'search text',
};

/**
 * Reads the list's filters, sort and page from URL parameters. Each value is checked on its own
 * against the schema's `BriefingQuery`; a bad one is dropped with a note instead of failing.
 */
export function parseListParams({ params }: { params: URLSearchParams }): ListParams {
  const notes: string[] = [];
  const query: BriefingQuery = {};
  const shape = BriefingQuery.shape;

  for (const field of LIST_FIELDS) {
    const accepted: string[] = [];
    const raw = params.getAll(PARAM_NAMES[field]).map((value) => value.trim());
    for (const value of raw) {
      if (value === '') continue;
      const problem = listValueProblem(field, value);
      if (problem !== undefined) {
        notes.push(`Ignored ${FIELD_NOUNS[field]} ${quoteValue(value)}: ${problem}.`);
      } else if (accepted.length >= MAX_VALUES_PER_FIELD) {
        notes.push(
          `Ignored ${FIELD_NOUNS[field]} ${quoteValue(value)}: at most ${MAX_VALUES_PER_FIELD} values per filter.`,
        );
      } else {
        const normalised = field === 'countries' ? value.toUpperCase() : value;
        if (!accepted.includes(normalised)) accepted.push(normalised);
      }
    }
    if (accepted.length === 0) continue;
    const parsed = shape[field].safeParse(accepted);
    if (parsed.success && parsed.data !== undefined) {
      (query as Record<ListField, string[]>)[field] = parsed.data;
    }
  }

  for (const field of ['from', 'to'] as const) {
    const value = params.get(PARAM_NAMES[field])?.trim() ?? '';
    if (value === '') continue;
    if (value.length <= 10 && shape[field].safeParse(value).success) query[field] = value;
    else
      notes.push(`Ignored ${FIELD_NOUNS[field]} ${quoteValue(value)}: expected a date YYYY-MM-DD.`);
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    notes.push(
      `Ignored the date range: the start date ${query.from} is after the end date ${query.to}.`,
    );
    delete query.from;
    delete query.to;
  }

  const text = params.get(PARAM_NAMES.text)?.trim() ?? '';
  if (text.length > MAX_VALUE_LENGTH) {
    notes.push(
      `Ignored the search text ${quoteValue(text)}: at most ${MAX_VALUE_LENGTH} characters.`,
    );
  } else if (text !== '') {
    query.text = text;
  }

  const sortValue = params.get('sort') ?? '';
  let sort: SortId = DEFAULT_SORT;
  if (SORTS.some((option) => option.id === sortValue)) sort = sortValue as SortId;
  else if (sortValue !== '') notes.push(`Ignored sort ${quoteValue(sortValue)}: unknown order.`);

  const count = parseCount(params, notes);

  const pageValue = params.get('page') ?? '';
  let page = 1;
  if (/^[1-9][0-9]{0,5}$/.test(pageValue)) page = Number(pageValue);
  else if (pageValue !== '') {
    notes.push(`Ignored page ${quoteValue(pageValue)}: expected a page number.`);
  }

  return { query, sort, count, page, notes };
}

/** The `count` parameter: engagements (the default) or records; anything else is noted. */
export function parseCount(params: URLSearchParams, notes: string[] = []): CountUnit {
  const value = params.get('count') ?? '';
  if ((COUNT_UNITS as readonly string[]).includes(value)) return value as CountUnit;
  if (value !== '')
    notes.push(`Ignored count ${quoteValue(value)}: expected engagements or records.`);
  return DEFAULT_COUNT;
}

function listValueProblem(field: ListField, value: string): string | undefined {
  if (value.length > MAX_VALUE_LENGTH) return `longer than ${MAX_VALUE_LENGTH} characters`;
  switch (field) {
    case 'themes':
      return BriefingQuery.shape.themes.safeParse([value]).success ? undefined : 'not a theme';
    case 'types':
      return BriefingQuery.shape.types.safeParse([value]).success ? undefined : 'not a type';
    case 'status':
      return BriefingQuery.shape.status.safeParse([value]).success ? undefined : 'not a status';
    case 'countries': {
      const code = value.toUpperCase();
      return CountryCode.safeParse(code).success && isKnownCountry(code)
        ? undefined
        : 'expected a three-letter country code such as RUS or PRK';
    }
    case 'actors':
    case 'places':
      return undefined;
  }
}

/** A short description of the active filters in words, e.g. "theme Space; country China; from 1 Sep 2023". */
export function describeQuery(query: BriefingQuery): string {
  const parts: string[] = [];
  const list = (noun: string, values: readonly string[] | undefined) => {
    if (values !== undefined && values.length > 0) parts.push(`${noun} ${values.join(' or ')}`);
  };
  list(
    'theme',
    query.themes?.map((id: ThemeId) => themeLabel(id)),
  );
  list(
    'type',
    query.types?.map((id: BriefingType) => typeLabel(id)),
  );
  list('actor', query.actors);
  list('country', query.countries?.map(countryName));
  list('place', query.places);
  list(
    'status',
    query.status?.map((status: Status) => statusLabel(status)),
  );
  if (query.from !== undefined) parts.push(`from ${formatIsoDate(query.from)}`);
  if (query.to !== undefined) parts.push(`to ${formatIsoDate(query.to)}`);
  if (query.text !== undefined) parts.push(`text ${quoteValue(query.text)}`);
  return parts.join('; ');
}
