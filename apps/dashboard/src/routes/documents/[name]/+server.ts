import { getSnapshot } from '#lib/server/live-data.ts';
import type { EntryGenerator, RequestHandler } from './$types';

// The documents that sources cite (the founding news brief…), so that a reader can check them.
export const prerender = import.meta.env.BRIEFING_STATIC;

export const entries: EntryGenerator = async () =>
  [...(await getSnapshot()).documents.keys()].map((name) => ({ name }));

export const GET: RequestHandler = async ({ params }) => {
  const cited = (await getSnapshot()).documents.get(params.name);
  // Plain text either way, so the hook gives the 404 the same locked-down policy as the document.
  const headers = { 'content-type': 'text/plain; charset=utf-8' };
  if (cited === undefined) {
    return new Response(`No cited document is named "${params.name.slice(0, 100)}".\n`, {
      status: 404,
      headers,
    });
  }
  return new Response(cited.text, { headers });
};
