import type { Handle, ServerInit } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/env';
import { compressResponse } from '#lib/server/compress.ts';
import { closeLiveFeeds, handleFeeds } from '#lib/server/feeds.ts';
import {
  getLiveData,
  InvalidDataError,
  InvalidSettingError,
  type LiveData,
} from '#lib/server/live-data.ts';
import { prepareOverview } from '#lib/server/overview.ts';
import { offerCachedPages } from '#lib/server/cached-page-shortcut.ts';
import {
  PageCache,
  isCacheablePage,
  pageKey,
  storedResponse,
  storePage,
  type StoredPage,
} from '#lib/server/page-cache.ts';
import { NON_HTML_CSP, SECURITY_HEADERS } from '@briefing/present/security-headers';

/** Open the index of the records (updating it) before the first request. */
export const init: ServerInit = async () => {
  // The server build prerenders nothing, so it must not read the records: they are read when the
  // server starts, from wherever BRIEFING_DATA points then. Only the static build bakes them in.
  if (building && !import.meta.env.BRIEFING_STATIC) return;
  try {
    const data = await getLiveData();
    openIndex = data.index;
    // adapter-node stops listening on SIGTERM or SIGINT, then says so: the watcher and the index
    // must stop too, or the process would never exit.
    process.once('sveltekit:shutdown', () => {
      stopping = true;
      void closeLiveFeeds().then(() => data.index.close());
    });
    // Files changed while the server was down are found once it listens: problems in them stop
    // it as problems found before would.
    data.checked.then(
      () => {
        // The overview's charts are the costliest page to derive: once the index is up to
        // date and a first request is answered, not before (they would hold it up).
        // (Unless a page made the snapshot already: then the overview is no cold start.)
        if (!building) {
          afterFirstAnswer = () => {
            if (!data.hasSnapshot()) void warmOverview(data);
          };
        }
      },
      (error: unknown) => {
        stopOn(error);
        console.error(`could not bring the index up to date: ${(error as Error).message}`);
      },
    );
  } catch (error) {
    stopOn(error);
    throw error;
  }
};

/** Exits on records or settings the server cannot start with (a development server goes on). */
function stopOn(error: unknown): void {
  if (dev) return;
  if (error instanceof InvalidDataError) {
    // The records are the product: serving some of them silently would be worse than none.
    console.error(error.message);
    console.error('The server did not start: fix the records above and start it again.');
    process.exit(1);
  }
  if (error instanceof InvalidSettingError) {
    console.error(error.message);
    console.error('The server did not start: fix the setting above and start it again.');
    process.exit(1);
  }
}

/** Whether the server is stopping (its index is closing). */
let stopping = false;

async function warmOverview(data: LiveData): Promise<void> {
  try {
    await prepareOverview({ snapshot: await data.snapshot() });
  } catch (error) {
    // (A server stopped while it warmed has closed the index: nothing to say.)
    if (!stopping) console.error(`could not prepare the overview: ${(error as Error).message}`);
  }
}

const pages = new PageCache();

/**
 * Pages being rendered, by key: 50 clients asking for a page the data just changed under wait
 * for one render instead of making 50 (which, at 100,000 records, took longer than they wait).
 */
const rendering = new Map<string, Promise<StoredPage | undefined>>();

/** What to do once a first request has been answered (see init). */
let afterFirstAnswer: (() => void) | undefined;

/** The index once open: kept pages are keyed by its data version. */
let openIndex: LiveData['index'] | undefined;

// scripts/start.js answers kept pages without going through SvelteKit.
if (!building) {
  offerCachedPages(({ method, url }) =>
    openIndex === undefined || !isCacheablePage({ method }, url)
      ? undefined
      : pages.get(pageKey({ dataVersion: openIndex.dataVersion, url })),
  );
}

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
    const key = pageKey({ dataVersion: version, url: event.url });
    // HEAD is answered from a stored GET, never stored itself (it has no body).
    const stored = cacheable ? (pages.get(key) ?? (await rendering.get(key.id))) : undefined;
    if (stored !== undefined) return storedResponse({ page: stored, request: event.request });
    // The first GET of a page renders it; the others asking meanwhile wait for its result.
    let rendered: ((page: StoredPage | undefined) => void) | undefined;
    if (cacheable && event.request.method === 'GET' && !rendering.has(key.id)) {
      rendering.set(key.id, new Promise((done) => (rendered = done)));
    }
    try {
      const response = await resolve(event);
      const unchanged = index.dataVersion === version;
      if (!unchanged && attempt < RENDER_ATTEMPTS) continue;
      const isPage =
        response.status === 200 && response.headers.get('content-type')?.startsWith('text/html');
      if (!cacheable || !isPage || !unchanged || event.request.method !== 'GET') {
        return await compressResponse({ request: event.request, response });
      }
      const page = await storePage(response);
      pages.set(key, page);
      rendered?.(page);
      return storedResponse({ page, request: event.request });
    } finally {
      if (rendered !== undefined) {
        // (Nothing kept, e.g. a 404: the others render for themselves.)
        rendered(undefined);
        rendering.delete(key.id);
      }
    }
  }
}

export const handle: Handle = async ({ event, resolve }) => {
  // While prerendering, the /feeds/[...path] route answers instead, so that SvelteKit sees it used.
  const feedResponse = building
    ? undefined
    : await handleFeeds({ request: event.request, url: event.url });
  const response = feedResponse ?? (await resolvePage(event, resolve));
  if (afterFirstAnswer !== undefined) {
    setTimeout(afterFirstAnswer, 100).unref();
    afterFirstAnswer = undefined;
  }
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
