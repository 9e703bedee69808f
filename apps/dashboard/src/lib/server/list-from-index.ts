import type { Briefing } from '@briefing/schema';
import { cleanRecord } from '@briefing/present';
import { searchQuery, type Sort, type Store } from '@briefing/store';
import { toEngagementItem, toListItem } from '../list-item.js';
import { describeQuery, parseListParams } from '../list-params.js';
import { listSearchParams, PAGE_SIZE, type SortId } from '../list-url.js';
import { SITE_NAME, viewFeedPath } from '@briefing/present/urls';

/** The index's order for a sort of the list. */
export const INDEX_SORTS: Record<SortId, Sort> = {
  'date-desc': { by: 'date', order: 'desc' },
  'date-asc': { by: 'date', order: 'asc' },
  updated: { by: 'updated', order: 'desc' },
  title: { by: 'title', order: 'asc' },
};

/** Everything the list page shows for some URL parameters, asked of the index. */
export function listFromIndex({ index, params }: { index: Store; params: URLSearchParams }) {
  const { query, sort, count, page, notes } = parseListParams({ params });
  const description = describeQuery(query);
  const asked = {
    ...searchQuery(query),
    sort: INDEX_SORTS[sort],
    pageSize: PAGE_SIZE,
    // Counting engagements, a row is an engagement with its matching legs under it.
    rows: count,
    count,
    // The page shows totals; the filters' options come from the layout.
    facets: false,
  };
  // One data version for the page, the total and the count of every record.
  return index.read(() => {
    let result = index.list({ ...asked, page });
    // The whole list, counted once: its records and its engagements.
    const everything = index.list({ pageSize: 1, facets: false });
    const rows = () => (count === 'engagements' ? result.engagementTotal : result.total);
    const pageCount = Math.max(1, Math.ceil(rows() / PAGE_SIZE));
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
      description,
      count,
      /** Rows matching: engagements or records, as counted. */
      total: rows(),
      /** Both counts of the matches, for the sentence that says what is counted. */
      matches: { records: result.total, engagements: result.engagementTotal },
      totalRecords: count === 'engagements' ? everything.engagementTotal : everything.total,
      page: Math.min(page, pageCount),
      pageCount,
      items:
        result.engagements?.map((group) =>
          toEngagementItem({
            lead: cleanRecord(group.lead),
            members: group.members.map(cleanRecord),
          }),
        ) ?? result.records.map((record: Briefing) => toListItem(cleanRecord(record))),
      search: listSearchParams({ query, sort, count }).toString(),
      // Follow this view: its feeds (autodiscovered too, see +layout.svelte) and its calendar.
      alternate: {
        title: `${SITE_NAME}: ${description === '' ? 'every record' : description}`,
        atom: viewFeedPath({ query, format: 'atom' }),
        rss: viewFeedPath({ query, format: 'rss' }),
        json: viewFeedPath({ query, format: 'json' }),
      },
      calendar: viewFeedPath({ query, format: 'ics' }),
    };
  });
}
