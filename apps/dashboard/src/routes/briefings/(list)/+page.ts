import { JSON_EXPORT_PATH } from '@briefing/present/urls';
import { browser } from '$app/env';
import type { Briefing } from '@briefing/schema';
import type { PageLoad } from './$types';

// On the node server the list page needs no framework in the browser (see live-filters.ts); a
// static build has no server to filter for it, so there SvelteKit filters in the browser.
export const csr = import.meta.env.BRIEFING_STATIC;

let allRecords: Promise<Briefing[]> | undefined;

/**
 * On the node server the page data comes filtered from +page.server.ts. A static build has one
 * prerendered page for every query string, so the browser filters the full JSON export itself.
 */
export const load: PageLoad = async ({ data, url, fetch }) => {
  if (!import.meta.env.BRIEFING_STATIC || !browser) return data;
  const { listView } = await import('#lib/list-query.ts');
  allRecords ??= fetch(JSON_EXPORT_PATH)
    .then((response) => response.json() as Promise<{ records: Briefing[] }>)
    .then((body) => body.records);
  return { ...data, ...listView({ newestFirst: await allRecords, params: url.searchParams }) };
};
