import { building } from '$app/env';
import { listFromIndex } from '#lib/server/list-from-index.ts';
import { getLiveData } from '#lib/server/live-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { index } = await getLiveData();
  // A prerendered (static) list cannot read the query string: it is filtered in the browser.
  const params = building ? new URLSearchParams() : url.searchParams;
  const { dataVersion: _, alternate, calendar, ...view } = listFromIndex({ index, params });
  // A static host serves no feed of a view (it has no query strings): the site's feeds stand in.
  return building ? view : { ...view, alternate, calendar };
};
