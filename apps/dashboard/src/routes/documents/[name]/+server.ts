import { error } from '@sveltejs/kit';
import { getStore } from '$lib/server/store.js';
import type { EntryGenerator, RequestHandler } from './$types';

// The documents that sources cite (the founding news brief…), so that a reader can check them.
export const prerender = import.meta.env.BRIEFING_STATIC;

export const entries: EntryGenerator = async () =>
  [...(await getStore()).documents.keys()].map((name) => ({ name }));

export const GET: RequestHandler = async ({ params }) => {
  const cited = (await getStore()).documents.get(params.name);
  if (cited === undefined) {
    error(404, { message: `No cited document is named "${params.name.slice(0, 100)}".` });
  }
  return new Response(cited.text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
