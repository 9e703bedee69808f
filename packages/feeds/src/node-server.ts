import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { endInPieces } from './body-in-pieces.js';
import {
  SECURITY_HEADERS,
  isWellFormedPath,
  malformed,
  notFound,
  respondToFeedRequest,
  type FeedSource,
} from './respond.js';

/** Where the server reports what it refused or failed at: one line each. */
export type ServerLog = (line: string) => void;

/**
 * A node:http server for the feeds. `getFeeds` is read once per request, so a rebuild that
 * assigns a new FeedSet is seen whole by every later request and never by one in flight.
 * Until it gives a FeedSet (the first build is still running), every request gets 503. Every
 * response carries the security headers; a malformed request target gets 400 and one log line.
 */
export function createFeedServer({
  getFeeds,
  log = (line) => process.stderr.write(`${line}\n`),
}: {
  getFeeds: () => FeedSource | undefined;
  log?: ServerLog;
}): Server {
  // Not `import { createServer } from 'node:http'`: Node builds that module's ES facade by
  // reading every export, and its lazy WebSocket exports load undici, 60-80 ms on this machine
  // at the start of every process that imports the feeds, a build too. The module itself costs
  // under 10 ms.
  const { createServer } = process.getBuiltinModule('node:http');
  return createServer((request, response) => {
    answerOrFail({ request, response, getFeeds, log });
  });
}

interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  getFeeds: () => FeedSource | undefined;
  log: ServerLog;
  /** Whether the request already waited for its document (see FeedSource.whenReady): once. */
  waited?: boolean;
}

function answerOrFail(exchange: Exchange): void {
  try {
    answer(exchange);
  } catch (error) {
    fail(exchange, error);
  }
}

function fail({ request, response, log }: Exchange, error: unknown): void {
  // One line, no stack: a bug here must not flood the log or leak internals to the client.
  log(`briefing-feeds: 500 for ${shown(request.url)}: ${(error as Error).message}`);
  if (!response.headersSent)
    plain(response, 500, 'Internal error.\n', { 'cache-control': 'no-store' });
  else response.destroy();
}

function answer(exchange: Exchange): void {
  const { request, response, getFeeds, log } = exchange;
  const target = request.url ?? '/';
  const path = target.split('?', 1)[0]!;
  if (!isWellFormedPath(path)) {
    log(`briefing-feeds: 400 malformed URL ${shown(target)}`);
    const result = malformed({ head: request.method === 'HEAD' });
    response.writeHead(result.status, result.headers);
    response.end(result.body);
    return;
  }
  const feeds = getFeeds();
  if (feeds === undefined) {
    plain(response, 503, 'The feeds are being built; try again in a moment.\n', {
      'retry-after': '1',
      'cache-control': 'no-store',
    });
    return;
  }
  // A document that needs long work first (the calendar, while its events are still being
  // rendered) is answered once that work is done; other requests go on meanwhile.
  const ready = exchange.waited === true ? undefined : feeds.whenReady?.(path);
  if (ready !== undefined) {
    ready.then(
      () => answerOrFail({ ...exchange, waited: true }),
      (error: unknown) => fail(exchange, error),
    );
    return;
  }
  const method = request.method ?? 'GET';
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  // Outside /feeds/ this server has nothing: answer as for an unknown feed.
  const result =
    respondToFeedRequest({ feeds, method, path, header }) ??
    notFound({ path, head: method === 'HEAD' });
  response.writeHead(result.status, result.headers);
  endInPieces(response, result.body);
}

/** A request target for a log line: quoted, control characters escaped, cut short. */
function shown(target: string | undefined): string {
  const text = target ?? '';
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

function plain(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string>,
): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    ...headers,
    ...SECURITY_HEADERS,
  });
  response.end(text);
}
