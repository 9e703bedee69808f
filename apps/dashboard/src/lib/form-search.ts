import { DEFAULT_SORT, listPathOf } from '@briefing/present/urls';

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
  return listPathOf(search);
}

/** How long typing must pause before the text search runs: one request per pause, not per key. */
export const TYPING_DELAY_MS = 300;

/**
 * Whether a date field's value is a year still being typed. A date input reports a change for
 * every year digit typed (0002, 0020, 0202, then 2024); only a year from 1000 on is a real one,
 * as in the records, so the list waits for it instead of filtering (and adding history) each time.
 */
export function isYearBeingTyped(value: string): boolean {
  // A fifth digit is a typing slip too (the input takes years up to 275760).
  return /^(?:0\d{3}|\d{5,})-/.test(value);
}
