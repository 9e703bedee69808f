import { todayIso } from '@briefing/schema';
import { building } from '$app/environment';
import { parseListParams } from '$lib/list-params.js';
import { briefingsCsv, exportFileName } from '$lib/server/export.js';
import { queryBriefings } from '$lib/list-query.js';
import { getStore } from '$lib/server/store.js';
import type { RequestHandler } from './$types';

// A static build writes the whole set once; filtering the export needs the node server.
export const prerender = import.meta.env.BRIEFING_STATIC;

/** The filtered records as CSV: same parameters as /briefings, every page at once. */
export const GET: RequestHandler = async ({ url }) => {
  const store = await getStore();
  const { query, sort } = parseListParams({
    params: building ? new URLSearchParams() : url.searchParams,
  });
  const records = queryBriefings({ newestFirst: store.newestFirst, query, sort });
  return new Response(briefingsCsv({ records, siteUrl: store.feeds.siteUrl }), {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="${exportFileName({ extension: 'csv', today: todayIso() })}"`,
    },
  });
};
