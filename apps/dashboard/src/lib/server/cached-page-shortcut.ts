// A shortcut around SvelteKit for pages already rendered and kept (page-cache.ts): scripts/start.js
// answers them straight from Node's request, before SvelteKit builds a Request, runs the hooks
// and streams a Response. A kept page costs then a few microseconds instead of most of a
// millisecond, which is what 50 clients asking for `/` at once wait behind.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '@briefing/present/security-headers';
import { storedReply, type StoredPage } from './page-cache.js';

/** How scripts/start.js finds the shortcut: the server bundle and start.js share no module. */
const SHORTCUT = Symbol.for('briefing.dashboard.cachedPageShortcut');

/** The kept page for a GET or HEAD of a path and query, if there is one. */
export type FindPage = (request: { method: string; url: URL }) => StoredPage | undefined;

/** Offers the kept pages to scripts/start.js (hooks.server.ts calls it once). */
export function offerCachedPages(find: FindPage): void {
  (globalThis as Record<symbol, unknown>)[SHORTCUT] = (
    request: IncomingMessage,
    response: ServerResponse,
  ): boolean => answerFromCache({ find, request, response });
}

/** Answers a request with a kept page; false when there is none (SvelteKit then answers). */
export function answerFromCache({
  find,
  request,
  response,
}: {
  find: FindPage;
  request: IncomingMessage;
  response: ServerResponse;
}): boolean {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return false;
  // As SvelteKit reads it (a URL that does not parse is SvelteKit's to answer).
  const url = URL.parse(request.url ?? '/', 'http://localhost');
  if (url === null) return false;
  const page = find({ method, url });
  if (page === undefined) return false;
  const reply = storedReply({
    page,
    method,
    header: (name) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
  });
  const headers: Record<string, string | string[]> = { ...SECURITY_HEADERS };
  for (const [name, value] of reply.headers) {
    const before = headers[name];
    // Repeated headers (vary) stay separate lines, as SvelteKit sends them.
    headers[name] =
      before === undefined || name !== 'vary'
        ? value
        : [...(Array.isArray(before) ? before : [before]), value];
  }
  response.writeHead(reply.status, headers);
  response.end(reply.body);
  return true;
}
