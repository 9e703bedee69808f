import type { Handle, ServerInit } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/env';
import { todayIso } from '@briefing/schema';
import { compressResponse } from '#lib/server/compress.ts';
import { handleFeeds } from '#lib/server/feeds.ts';
import { buildOverview } from '#lib/server/overview.ts';
import { createPageCache, isCacheablePage, storedResponse } from '#lib/server/page-cache.ts';
import { SECURITY_HEADERS } from '#lib/server/security-headers.ts';
import { getStore, InvalidDataError, InvalidSettingError } from '#lib/server/store.ts';

// Non-HTML responses (feeds, exports) get a policy that allows nothing to run.
const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Load and check the records once, before the first request. */
export const init: ServerInit = async () => {
  // The server build prerenders nothing, so it must not read the records: they are read when the
  // server starts, from wherever BRIEFING_DATA points then. Only the static build bakes them in.
  if (building && !import.meta.env.BRIEFING_STATIC) return;
  try {
    // The overview's derived data is the costliest to compute: do it now, not on a request.
    buildOverview({ store: await getStore() });
  } catch (error) {
    if (error instanceof InvalidDataError && !dev) {
      // The records are the product: serving some of them silently would be worse than none.
      console.error(error.message);
      console.error('The server did not start: fix the records above and start it again.');
      process.exit(1);
    }
    if (error instanceof InvalidSettingError && !dev) {
      console.error(error.message);
      console.error('The server did not start: fix the setting above and start it again.');
      process.exit(1);
    }
    throw error;
  }
};

const pages = createPageCache();

/** A page's response, rendered once a day: the records do not change while the server runs. */
async function resolvePage(
  event: Parameters<Handle>[0]['event'],
  resolve: Parameters<Handle>[0]['resolve'],
): Promise<Response> {
  if (building || !isCacheablePage(event.request, event.url)) return resolve(event);
  const key = `${todayIso()} ${event.url.pathname}`;
  const stored = pages.get(key);
  if (stored !== undefined) return storedResponse(stored);
  const response = await resolve(event);
  if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) {
    return response;
  }
  const page = {
    status: response.status,
    headers: [...response.headers.entries()],
    body: await response.arrayBuffer(),
  };
  pages.set(key, page);
  return storedResponse(page);
}

export const handle: Handle = async ({ event, resolve }) => {
  // While prerendering, the /feeds/[...path] route answers instead, so that SvelteKit sees it used.
  const feedResponse = building
    ? undefined
    : await handleFeeds({ request: event.request, url: event.url });
  const response =
    feedResponse ??
    (await compressResponse({
      request: event.request,
      response: await resolvePage(event, resolve),
    }));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    response.headers.set(name, value);
  }
  // A 304's headers replace those the browser stored with the page: giving it the non-HTML
  // policy would forbid the cached page its own scripts.
  if (!response.headers.has('content-security-policy') && response.status !== 304) {
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('text/html'))
      response.headers.set('content-security-policy', NON_HTML_CSP);
  }
  return response;
};
