import { webBody } from './body-in-pieces.js';
import { respondToFeedRequest, type FeedResponse, type FeedSource } from './respond.js';

/**
 * Web-standard handler (SvelteKit `handle`, or any fetch-style server): the feed file's response,
 * or undefined when the request is not for a path under /feeds/.
 */
export function handleFeedRequest({
  feeds,
  request,
}: {
  feeds: FeedSource;
  request: Request;
}): Response | undefined {
  const response = respondToFeedRequest({
    feeds,
    method: request.method,
    path: new URL(request.url).pathname,
    header: (name) => request.headers.get(name),
  });
  return response === undefined ? undefined : toWebResponse(response);
}

/** A plain-data response as a web-standard Response (a large body as a stream of pieces). */
export function toWebResponse(response: FeedResponse): Response {
  // Bodies are Node Buffers (never backed by a SharedArrayBuffer); with the DOM lib loaded,
  // Uint8Array<ArrayBufferLike> is not a BodyInit.
  return new Response(webBody(response.body as Uint8Array<ArrayBuffer> | undefined), {
    status: response.status,
    headers: response.headers,
  });
}
