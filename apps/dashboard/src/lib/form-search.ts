import { DEFAULT_SORT } from './list-url.js';

/**
 * The filter form's state as a query string, leaving out empty fields and the default order
 * (and the page: a new filter starts again at page 1).
 */
export function formSearch(entries: Iterable<[string, FormDataEntryValue]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of entries) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (name === 'sort' && value === DEFAULT_SORT) continue;
    params.append(name, value);
  }
  return params.toString();
}

/** The list page's address for a query string from formSearch. */
export function listPath(search: string): string {
  return search === '' ? '/briefings' : `/briefings?${search}`;
}

/** How long typing must pause before the text search runs: one request per pause, not per key. */
export const TYPING_DELAY_MS = 300;
