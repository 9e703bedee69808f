import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { endInPieces, webBody } from './body-in-pieces.js';
import { close, get, listen } from './test-support/http.js';

const large = randomBytes(3 * 1024 * 1024 + 1234);

describe('webBody', () => {
  it('gives a small body as it is', () => {
    const small = Buffer.from('BEGIN:VCALENDAR');
    expect(webBody(small)).toBe(small);
    expect(webBody(undefined)).toBeNull();
  });

  it('streams a large body a piece at a time, to the same bytes, leaving them usable', async () => {
    const body = webBody(large);
    expect(body).toBeInstanceOf(ReadableStream);
    const pieces: Uint8Array[] = [];
    for await (const piece of body as ReadableStream<Uint8Array>) pieces.push(piece);
    expect(pieces.length).toBe(13);
    expect(Math.max(...pieces.map((piece) => piece.byteLength))).toBe(256 * 1024);
    expect(Buffer.concat(pieces).equals(large)).toBe(true);
    // Views, not a transfer: the kept body is still whole for the next request.
    expect(large.byteLength).toBe(3 * 1024 * 1024 + 1234);
    const again = await new Response(webBody(large)).arrayBuffer();
    expect(Buffer.from(again).equals(large)).toBe(true);
  });
});

describe('endInPieces', () => {
  it('writes a large body in pieces, waiting for drain whenever the socket is full', () => {
    const calls: string[] = [];
    const written: Buffer[] = [];
    let drain: (() => void) | undefined;
    const response = {
      write(piece: Uint8Array) {
        written.push(Buffer.from(piece));
        calls.push(`write ${piece.byteLength}`);
        // Full after every second piece.
        return calls.length % 2 === 1;
      },
      end(piece?: Uint8Array) {
        if (piece !== undefined) written.push(Buffer.from(piece));
        calls.push(`end ${piece?.byteLength ?? 0}`);
      },
      once(event: string, listener: () => void) {
        expect(event).toBe('drain');
        drain = listener;
      },
    };
    endInPieces(response as never, large);
    expect(calls).toEqual([`write ${256 * 1024}`, `write ${256 * 1024}`]);
    while (drain !== undefined) {
      const resume = drain;
      drain = undefined;
      resume();
    }
    expect(calls).toHaveLength(13);
    expect(calls.at(-1)).toBe(`end ${1234}`);
    expect(Buffer.concat(written).equals(large)).toBe(true);
  });

  it('sends the same bytes over HTTP on 127.0.0.1', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-length': String(large.byteLength) });
      endInPieces(response, large);
    });
    const base = await listen(server);
    try {
      expect((await get(`${base}/large`)).body.equals(large)).toBe(true);
    } finally {
      await close(server);
    }
  });
});
