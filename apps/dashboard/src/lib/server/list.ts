import {
  filterBriefings,
  sortBriefings,
  type Briefing,
  type BriefingQuery,
} from '@briefing/schema';
import { PAGE_SIZE, type SortId } from '../list-params.js';
import type { Store } from './store.js';

/** The records matching a query, in the asked order (all of them: for exports and counts). */
export function queryBriefings({
  store,
  query,
  sort,
}: {
  store: Store;
  query: BriefingQuery;
  sort: SortId;
}): Briefing[] {
  // The newest-first order is computed once at startup; filtering keeps it.
  const newestFirst = filterBriefings({ records: store.newestFirst, query });
  switch (sort) {
    case 'date-desc':
      return newestFirst;
    case 'date-asc':
      return newestFirst.reverse();
    case 'updated':
      return sortBriefings({ records: newestFirst, by: 'updated', order: 'desc' });
    case 'title':
      return sortBriefings({ records: newestFirst, by: 'title', order: 'asc' });
  }
}

/** One page of results; a page past the end shows the last page, with a note. */
export function paginate<T>({
  items,
  page,
  pageSize = PAGE_SIZE,
}: {
  items: readonly T[];
  page: number;
  pageSize?: number;
}): { items: T[]; page: number; pageCount: number; note?: string } {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const shown = Math.min(page, pageCount);
  return {
    items: items.slice((shown - 1) * pageSize, shown * pageSize),
    page: shown,
    pageCount,
    ...(shown !== page
      ? { note: `There is no page ${page}: showing page ${shown} of ${pageCount}.` }
      : {}),
  };
}
