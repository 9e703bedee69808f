import { building } from '$app/env';
import { listView } from '#lib/list-query.ts';
import { getStore } from '#lib/server/store.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { newestFirst } = await getStore();
  // A prerendered (static) list cannot read the query string: it is filtered in the browser.
  const params = building ? new URLSearchParams() : url.searchParams;
  return listView({ newestFirst, params });
};
