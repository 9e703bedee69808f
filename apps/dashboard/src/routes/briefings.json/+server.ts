import { building } from '$app/env';
import { exportResponse } from '#lib/server/exports.ts';
import type { RequestHandler } from './$types';

// A static build writes the whole set once; filtering the export needs the node server.
export const prerender = import.meta.env.BRIEFING_STATIC;

/** The filtered records as JSON, whole records as the schema defines them. */
export const GET: RequestHandler = ({ request, url }) =>
  exportResponse({
    request,
    params: building ? new URLSearchParams() : url.searchParams,
    format: 'json',
  });
