import { browser } from '$app/environment';
import type { Briefing } from '@briefing/schema';
import type { PageLoad } from './$types';

let allRecords: Promise<Briefing[]> | undefined;

/**
 * On the node server the page data comes filtered from +page.server.ts. A static build has one
 * prerendered page for every query string, so the browser filters the full JSON export itself.
 */
export const load: PageLoad = async ({ data, url, fetch }) => {
  if (!import.meta.env.BRIEFING_STATIC || !browser) return data;
  const { listView } = await import('$lib/list-query.js');
  allRecords ??= fetch('/briefings.json')
    .then((response) => response.json() as Promise<{ records: Briefing[] }>)
    .then((body) => body.records);
  return { ...data, ...listView({ newestFirst: await allRecords, params: url.searchParams }) };
};
