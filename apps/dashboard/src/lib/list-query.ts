import {
  countEngagements,
  engagementIds,
  filterBriefings,
  groupEngagements,
  sortBriefings,
  type Briefing,
  type BriefingQuery,
} from '@briefing/schema';
import { toEngagementItem } from './list-item.js';
import { describeQuery, parseListParams } from './list-params.js';
import { listSearchParams, PAGE_SIZE, type SortId } from './list-url.js';
import { NAME_ALIASES } from './name-variants.js';

/** The records matching a query, in the asked order (all of them: for exports and counts). */
export function queryBriefings({
  newestFirst: records,
  query,
  sort,
}: {
  /** Every record, newest first: the server sorts once at startup, filtering keeps the order. */
  newestFirst: readonly Briefing[];
  query: BriefingQuery;
  sort: SortId;
}): Briefing[] {
  // Other spellings and scripts of names ("Лавров") find the name records write.
  const newestFirst = filterBriefings({ records, query, aliases: NAME_ALIASES });
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

/** Everything the list page shows for some URL parameters: browser-safe, for static builds too. */
export function listView({
  newestFirst,
  params,
}: {
  newestFirst: readonly Briefing[];
  params: URLSearchParams;
}) {
  const { query, sort, count, page, notes } = parseListParams({ params });
  const matches = queryBriefings({ newestFirst, query, sort });
  const ids = engagementIds({ records: newestFirst });
  const groups = engagementRows({ matches, ids });
  const shown =
    count === 'engagements'
      ? paginate({ items: groups, page })
      : paginate({ items: matches.map((lead) => ({ lead, members: [lead] })), page });
  return {
    query,
    sort,
    count,
    notes: shown.note === undefined ? notes : [...notes, shown.note],
    description: describeQuery(query),
    total: count === 'engagements' ? groups.length : matches.length,
    matches: { records: matches.length, engagements: groups.length },
    totalRecords:
      count === 'engagements'
        ? countEngagements({ records: newestFirst, ids })
        : newestFirst.length,
    page: shown.page,
    pageCount: shown.pageCount,
    items: shown.items.map(toEngagementItem),
    search: listSearchParams({ query, sort, count }).toString(),
  };
}

/**
 * The matches as engagements, as the index lists them: each engagement once, led by its root
 * if the root matches (else its first match by date), in the order of the leads.
 */
function engagementRows({
  matches,
  ids,
}: {
  matches: readonly Briefing[];
  ids: ReadonlyMap<string, string>;
}): { lead: Briefing; members: Briefing[] }[] {
  const groups = groupEngagements({ records: matches, ids });
  const position = new Map(matches.map((record, index) => [record.id, index]));
  return groups.sort((a, b) => position.get(a.lead.id)! - position.get(b.lead.id)!);
}
