import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeFeedFile } from './feed-file.js';
import { codingEtag, respondWithFile } from './respond.js';

describe('large bodies', () => {
  it('are compressed off the event loop: sent as they are until their compressed bytes are ready', async () => {
    const text = Array.from({ length: 40_000 }, (_, index) => `line ${index} of a calendar\n`).join(
      '',
    );
    const file = makeFeedFile({
      path: '/feeds/calendar.ics',
      contentType: 'text/calendar',
      text,
      lastModified: new Date(0),
    });
    const ask = () =>
      respondWithFile({
        feeds: { siteUrl: 'https://briefing.example.org/' },
        file,
        head: false,
        header: (name) => (name === 'accept-encoding' ? 'br, gzip' : undefined),
      });
    const first = ask();
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.headers.etag).toBe(file.etag);
    expect(Buffer.from(first.body!).toString()).toBe(text);
    let later = ask();
    for (let i = 0; i < 200 && later.headers['content-encoding'] === undefined; i++) {
      await new Promise((done) => setTimeout(done, 10));
      later = ask();
    }
    expect(later.headers['content-encoding']).toBe('br');
    expect(later.headers.etag).toBe(codingEtag(file.etag, 'br'));
    expect(brotliDecompressSync(later.body!).toString()).toBe(text);
  });
});
