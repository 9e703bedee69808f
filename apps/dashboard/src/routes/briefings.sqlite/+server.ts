import { datasetResponse } from '#lib/server/dataset-file.ts';
import { getLiveData } from '#lib/server/live-data.ts';
import type { RequestHandler } from './$types';

// A static build writes the file once, with the site.
export const prerender = import.meta.env.BRIEFING_STATIC;

/** The whole dataset as a SQLite file. */
export const GET: RequestHandler = async ({ request }) =>
  datasetResponse({ data: await getLiveData(), request });
