import { todayIso } from '@briefing/schema';
import { parseListParams } from '$lib/list-params.js';
import { briefingsCsv, exportFileName } from '$lib/server/export.js';
import { queryBriefings } from '$lib/server/list.js';
import { getStore } from '$lib/server/store.js';
import type { RequestHandler } from './$types';

/** The filtered records as CSV: same parameters as /briefings, every page at once. */
export const GET: RequestHandler = async ({ url }) => {
  const store = await getStore();
  const { query, sort } = parseListParams({ params: url.searchParams });
  const records = queryBriefings({ store, query, sort });
  return new Response(briefingsCsv({ records, siteUrl: store.feeds.siteUrl }), {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="${exportFileName({ extension: 'csv', today: todayIso() })}"`,
    },
  });
};
