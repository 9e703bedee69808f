import type { Briefing, BriefingQuery } from '@briefing/schema';
import { cleanRecord } from '@briefing/present';
import type { Sort, Store } from '@briefing/store';
import { toListItem } from '../list-item.js';
import { describeQuery, parseListParams } from '../list-params.js';
import { listSearchParams, PAGE_SIZE, type SortId } from '../list-url.js';

/** The index's order for a sort of the list. */
export const INDEX_SORTS: Record<SortId, Sort> = {
  'date-desc': { by: 'date', order: 'desc' },
  'date-asc': { by: 'date', order: 'asc' },
  updated: { by: 'updated', order: 'desc' },
  title: { by: 'title', order: 'asc' },
};

/**
 * The list's query as the index takes it: the search text is matched as the index's search
 * matches it (prefixes, other spellings and scripts), the other fields as filters.
 */
export function indexQuery(query: BriefingQuery): { query: BriefingQuery; search?: string } {
  const { text, ...filters } = query;
  return text === undefined || text.trim() === ''
    ? { query: filters }
    : { query: filters, search: text };
}

/** Everything the list page shows for some URL parameters, asked of the index. */
export function listFromIndex({ index, params }: { index: Store; params: URLSearchParams }) {
  const { query, sort, page, notes } = parseListParams({ params });
  const asked = { ...indexQuery(query), sort: INDEX_SORTS[sort], pageSize: PAGE_SIZE };
  // One data version for the page, the total and the count of every record.
  return index.read(() => {
    let result = index.list({ ...asked, page });
    const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    // A page past the end shows the last page, with a note.
    if (page > pageCount) {
      result = index.list({ ...asked, page: pageCount });
      notes.push(`There is no page ${page}: showing page ${pageCount} of ${pageCount}.`);
    }
    return {
      dataVersion: result.dataVersion,
      query,
      sort,
      notes,
      description: describeQuery(query),
      total: result.total,
      totalRecords: index.status().records,
      page: Math.min(page, pageCount),
      pageCount,
      items: result.records.map((record: Briefing) => toListItem(cleanRecord(record))),
      search: listSearchParams({ query, sort }).toString(),
    };
  });
}
