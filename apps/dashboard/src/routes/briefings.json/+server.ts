import { todayIso } from '@briefing/schema';
import { json } from '@sveltejs/kit';
import { parseListParams } from '$lib/list-params.js';
import { exportFileName } from '$lib/server/export.js';
import { queryBriefings } from '$lib/server/list.js';
import { getStore } from '$lib/server/store.js';
import type { RequestHandler } from './$types';

/** The filtered records as JSON, whole records as the schema defines them. */
export const GET: RequestHandler = async ({ url }) => {
  const store = await getStore();
  const { query, sort, notes } = parseListParams({ params: url.searchParams });
  const records = queryBriefings({ store, query, sort });
  return json(
    { query, ignored: notes, count: records.length, records },
    {
      headers: {
        'content-disposition': `attachment; filename="${exportFileName({ extension: 'json', today: todayIso() })}"`,
      },
    },
  );
};
