import { strongEtag } from '@briefing/feeds';
// The file @briefing/schema ships, byte for byte, built into the server.
import schemaText from '@briefing/schema/briefing.schema.json?raw';
import type { RequestHandler } from './$types';

// So that the published site (a static build too) offers it to other languages' validators.
export const prerender = import.meta.env.BRIEFING_STATIC;

const etag = strongEtag([Buffer.from(schemaText)]);

/** The JSON Schema (draft 2020-12) of a briefing record: the hook compresses it and answers 304s. */
export const GET: RequestHandler = () =>
  new Response(schemaText, {
    headers: {
      'content-type': 'application/schema+json',
      etag,
      'cache-control': 'no-cache',
    },
  });
