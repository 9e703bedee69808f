import type { Handle, ServerInit } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/env';
import { todayIso } from '@briefing/schema';
import { compressResponse } from '#lib/server/compress.ts';
import { handleFeeds } from '#lib/server/feeds.ts';
import {
  getLiveData,
  InvalidDataError,
  InvalidSettingError,
  type LiveData,
} from '#lib/server/live-data.ts';
import { buildOverview } from '#lib/server/overview.ts';
import {
  createPageCache,
  isCacheablePage,
  storedResponse,
  storePage,
} from '#lib/server/page-cache.ts';
import { NON_HTML_CSP, SECURITY_HEADERS } from '@briefing/present/security-headers';

/** Open the index of the records (updating it) before the first request. */
export const init: ServerInit = async () => {
  // The server build prerenders nothing, so it must not read the records: they are read when the
  // server starts, from wherever BRIEFING_DATA points then. Only the static build bakes them in.
  if (building && !import.meta.env.BRIEFING_STATIC) return;
  try {
    const data = await getLiveData();
    // adapter-node stops listening on SIGTERM or SIGINT, then says so: the watcher and the index
    // must stop too, or the process would never exit.
    process.once('sveltekit:shutdown', () => void data.index.close());
    // The overview's charts are the costliest page to derive: once the server listens, not
    // before (the first requests need not wait for them).
    if (!building) setTimeout(() => void warmOverview(data), 50).unref();
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

async function warmOverview(data: LiveData): Promise<void> {
  try {
    buildOverview({ snapshot: await data.snapshot() });
  } catch (error) {
    console.error(`could not prepare the overview: ${(error as Error).message}`);
  }
}

const pages = createPageCache();

/** Renders again when the records changed during a render, so no page mixes two versions. */
const RENDER_ATTEMPTS = 3;

/**
 * A page's response, rendered once per data version (and day) and kept compressed. A render
 * that straddles an update is done again, so that a page never mixes two data versions.
 */
async function resolvePage(
  event: Parameters<Handle>[0]['event'],
  resolve: Parameters<Handle>[0]['resolve'],
): Promise<Response> {
  if (building) return resolve(event);
  const { index } = await getLiveData();
  const cacheable = isCacheablePage(event.request, event.url);
  for (let attempt = 1; ; attempt += 1) {
    const version = index.dataVersion;
    const key = `${todayIso()} ${version} ${event.url.pathname}${event.url.search}`;
    const stored = cacheable ? pages.get(key) : undefined;
    // HEAD is answered from a stored GET, never stored itself (it has no body).
    if (stored !== undefined) return storedResponse({ page: stored, request: event.request });
    const response = await resolve(event);
    const unchanged = index.dataVersion === version;
    if (!unchanged && attempt < RENDER_ATTEMPTS) continue;
    const isPage =
      response.status === 200 && response.headers.get('content-type')?.startsWith('text/html');
    if (!cacheable || !isPage || !unchanged || event.request.method !== 'GET') {
      return compressResponse({ request: event.request, response });
    }
    const page = await storePage(response);
    pages.set(key, page);
    return storedResponse({ page, request: event.request });
  }
}

export const handle: Handle = async ({ event, resolve }) => {
  // While prerendering, the /feeds/[...path] route answers instead, so that SvelteKit sees it used.
  const feedResponse = building
    ? undefined
    : await handleFeeds({ request: event.request, url: event.url });
  const response = feedResponse ?? (await resolvePage(event, resolve));
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
