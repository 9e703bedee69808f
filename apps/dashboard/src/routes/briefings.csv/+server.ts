import { exportFileName } from '@briefing/present';
import { dataCoverage } from '@briefing/schema';
import { building } from '$app/env';
import { parseListParams } from '#lib/list-params.ts';
import { briefingsCsv } from '#lib/server/export.ts';
import { queryBriefings } from '#lib/list-query.ts';
import { getStore } from '#lib/server/store.ts';
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
      'content-disposition': `attachment; filename="${exportFileName({ coverage: dataCoverage(store.records), extension: 'csv' })}"`,
    },
  });
};
