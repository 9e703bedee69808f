import type { Handle, ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { handleFeeds } from '$lib/server/feeds.js';
import { SECURITY_HEADERS } from '$lib/server/security-headers.js';
import { getStore, InvalidDataError } from '$lib/server/store.js';

// Non-HTML responses (feeds, exports) get a policy that allows nothing to run.
const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Load and check the records once, before the first request. */
export const init: ServerInit = async () => {
  try {
    await getStore();
  } catch (error) {
    if (error instanceof InvalidDataError && !dev) {
      // The records are the product: serving some of them silently would be worse than none.
      console.error(error.message);
      console.error('The server did not start: fix the records above and start it again.');
      process.exit(1);
    }
    throw error;
  }
};

export const handle: Handle = async ({ event, resolve }) => {
  // While prerendering, the /feeds/[...path] route answers instead, so that SvelteKit sees it used.
  const feedResponse = building
    ? undefined
    : await handleFeeds({ request: event.request, url: event.url });
  const response = feedResponse ?? (await resolve(event));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    response.headers.set(name, value);
  }
  if (!response.headers.has('content-security-policy')) {
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('text/html'))
      response.headers.set('content-security-policy', NON_HTML_CSP);
  }
  return response;
};
