import type { FeedSet } from './build-feeds.js';
import { respondToFeedRequest } from './respond.js';

/**
 * Web-standard handler (SvelteKit `handle`, or any fetch-style server): the feed file's response,
 * or undefined when the request is not for a path under /feeds/.
 */
export function handleFeedRequest({
  feeds,
  request,
}: {
  feeds: FeedSet;
  request: Request;
}): Response | undefined {
  const response = respondToFeedRequest({
    feeds,
    method: request.method,
    path: new URL(request.url).pathname,
    header: (name) => request.headers.get(name),
  });
  if (response === undefined) return undefined;
  return new Response(response.body ?? null, {
    status: response.status,
    headers: response.headers,
  });
}
