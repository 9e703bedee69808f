import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { FeedSet } from './build-feeds.js';
import { notFound, respondToFeedRequest } from './respond.js';

/**
 * A node:http server for the feeds. `getFeeds` is read once per request, so a rebuild that
 * assigns a new FeedSet is seen whole by every later request and never by one in flight.
 * Until it gives a FeedSet (the first build is still running), every request gets 503.
 */
export function createFeedServer({ getFeeds }: { getFeeds: () => FeedSet | undefined }): Server {
  return createServer((request, response) => {
    const feeds = getFeeds();
    if (feeds === undefined) {
      response.writeHead(503, {
        'content-type': 'text/plain; charset=utf-8',
        'retry-after': '1',
        'cache-control': 'no-store',
      });
      response.end('The feeds are being built; try again in a moment.\n');
      return;
    }
    const path = (request.url ?? '/').split('?', 1)[0]!;
    const method = request.method ?? 'GET';
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    // Outside /feeds/ this server has nothing: answer as for an unknown feed.
    const answer =
      respondToFeedRequest({ feeds, method, path, header }) ??
      notFound({ path, head: method === 'HEAD' });
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  });
}
