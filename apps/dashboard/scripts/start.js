// `pnpm start`: serve the built dashboard (adapter-node) on 127.0.0.1:3000, or HOST/PORT.
// The server checks the records itself when it starts, prints every problem and exits 1.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NON_HTML_CSP, SECURITY_HEADERS } from '@briefing/present/security-headers';
import { exitUnlessSupportedNode } from '@briefing/repo/supported-node';

// Before the server loads: its modules need node:sqlite, which an older Node cannot load.
exitUnlessSupportedNode('the dashboard');

const entry = fileURLToPath(new URL('../build/index.js', import.meta.url));
if (!existsSync(entry)) {
  console.error(
    `No built server at ${entry}: run "pnpm build" first (from the repository root, or "pnpm --filter @briefing/dashboard build").`,
  );
  process.exit(1);
}
process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '3000';
if (process.env.ORIGIN === undefined && process.env.SITE_URL) {
  process.env.ORIGIN = process.env.SITE_URL.replace(/\/$/, '');
}
const { server } = await import(entry);

// The static files' top-level names (_app, favicon.svg…): adapter-node serves them itself.
const staticNames = new Set(readdirSync(new URL('../build/client', import.meta.url)));

// Every request comes here first. Static files (/_app/…, the icon) never reach SvelteKit's
// hooks: they get the security headers here; pages and feeds set their own on top. (Not the
// policy of a page: a 304 for a page must not bring the static files' policy to it.) Pages the
// server has rendered and kept are answered from its cache without SvelteKit (see
// src/lib/server/cached-page-shortcut.ts); everything else goes on to adapter-node's handler.
const SHORTCUT = Symbol.for('briefing.dashboard.cachedPageShortcut');
/** @type {Record<symbol, unknown>} */
const shared = globalThis;
const svelteKit = server.listeners('request');
server.removeAllListeners('request');
server.on(
  'request',
  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   */
  (request, response) => {
    const answerFromCache = shared[SHORTCUT];
    if (typeof answerFromCache === 'function' && answerFromCache(request, response)) return;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const first = decodeSegment((request.url ?? '/').split(/[/?]/)[1] ?? '');
    if (staticNames.has(first)) response.setHeader('content-security-policy', NON_HTML_CSP);
    if (!isWellFormed(request.url ?? '/')) {
      // SvelteKit answers 400; say so in one line, the URL cut short and escaped.
      console.warn(`400 malformed URL ${JSON.stringify((request.url ?? '').slice(0, 200))}`);
    }
    for (const listener of svelteKit) listener.call(server, request, response);
  },
);

/** @param {string} segment */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** @param {string} url */
function isWellFormed(url) {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}
