import { building } from '$app/env';
import { exportResponse } from '#lib/server/exports.ts';
import type { RequestHandler } from './$types';

// A static build writes the whole set once; filtering the export needs the node server.
export const prerender = import.meta.env.BRIEFING_STATIC;

/** The filtered records as CSV: same parameters as /briefings, every page at once. */
export const GET: RequestHandler = ({ request, url }) =>
  exportResponse({
    request,
    params: building ? new URLSearchParams() : url.searchParams,
    format: 'csv',
  });
