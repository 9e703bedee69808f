// A large body (the calendar: ~9 MB at 10,000 records) sent a piece at a time. Sent whole, it
// held the event loop for tens of milliseconds twice: a web Response copies a byte body whole
// when it is made (WebIDL), and the socket took it in one write. In pieces, other requests are
// answered between them.
import type { ServerResponse } from 'node:http';

// Bodies up to this size go whole: one write of a megabyte takes about a millisecond.
const WHOLE_UP_TO = 1024 * 1024;
const PIECE = 256 * 1024;

/** A Response body: the bytes themselves if small, else a stream of views of them, a piece a read. */
export function webBody(
  body: Uint8Array<ArrayBuffer> | undefined,
): Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array<ArrayBuffer>> | null {
  if (body === undefined) return null;
  if (body.byteLength <= WHOLE_UP_TO) return body;
  let at = 0;
  // Not a byte stream: that would transfer (detach) the buffer, which stays kept for others.
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      controller.enqueue(body.subarray(at, at + PIECE));
      at += PIECE;
      if (at >= body.byteLength) controller.close();
    },
  });
}

/** Ends a node:http response with `body`, a piece at a time once the socket has taken the last. */
export function endInPieces(
  response: Pick<ServerResponse, 'write' | 'end' | 'once'>,
  body: Uint8Array | undefined,
): void {
  if (body === undefined || body.byteLength <= WHOLE_UP_TO) {
    response.end(body);
    return;
  }
  let at = 0;
  const next = () => {
    for (;;) {
      const piece = body.subarray(at, at + PIECE);
      at += piece.byteLength;
      if (at >= body.byteLength) {
        response.end(piece);
        return;
      }
      // Full: the rest once the socket has taken it (never, if the client went away).
      if (!response.write(piece)) {
        response.once('drain', next);
        return;
      }
    }
  };
  next();
}
