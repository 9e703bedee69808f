import { exportFileName } from '@briefing/present';
import { dataCoverage } from '@briefing/schema';
import { building } from '$app/env';
import { json } from '@sveltejs/kit';
import { parseListParams } from '#lib/list-params.ts';
import { queryBriefings } from '#lib/list-query.ts';
import { getStore } from '#lib/server/store.ts';
import type { RequestHandler } from './$types';

// A static build writes the whole set once; filtering the export needs the node server.
export const prerender = import.meta.env.BRIEFING_STATIC;

/** The filtered records as JSON, whole records as the schema defines them. */
export const GET: RequestHandler = async ({ url }) => {
  const store = await getStore();
  const { query, sort, notes } = parseListParams({
    params: building ? new URLSearchParams() : url.searchParams,
  });
  const records = queryBriefings({ newestFirst: store.newestFirst, query, sort });
  // What the whole data set covers and when it last changed, so a saved export says how current it is.
  const coverage = dataCoverage(store.records);
  return json(
    { coverage, query, ignored: notes, count: records.length, records },
    {
      headers: {
        'content-disposition': `attachment; filename="${exportFileName({ coverage, extension: 'json' })}"`,
      },
    },
  );
};
