import { describeQuery, listSearchParams, parseListParams } from '$lib/list-params.js';
import { toListItem } from '$lib/list-item.js';
import { paginate, queryBriefings } from '$lib/server/list.js';
import { getStore } from '$lib/server/store.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const store = await getStore();
  const { query, sort, page, notes } = parseListParams({ params: url.searchParams });
  const matches = queryBriefings({ store, query, sort });
  const shown = paginate({ items: matches, page });
  const search = listSearchParams({ query, sort }).toString();
  return {
    query,
    sort,
    notes: shown.note === undefined ? notes : [...notes, shown.note],
    description: describeQuery(query),
    total: matches.length,
    totalRecords: store.records.length,
    page: shown.page,
    pageCount: shown.pageCount,
    items: shown.items.map(toListItem),
    search,
  };
};
