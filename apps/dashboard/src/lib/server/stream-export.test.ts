import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { KeptExports, MAX_KEPT_EXPORT_BYTES } from './kept-exports.js';
import { streamExport } from './stream-export.js';

/** An export of `rows` lines, counting how often it is made and how often its reading ends. */
function exportOf(rows: number, line = (index: number) => `row ${index},"Пхеньян"\n`) {
  const counts = { made: 0, ended: 0 };
  const parts = function* () {
    counts.made += 1;
    try {
      for (let index = 0; index < rows; index += 1) yield line(index);
    } finally {
      // Where the index's read transaction ends (Store.iterate closes its connection).
      counts.ended += 1;
    }
  };
  const text = Array.from({ length: rows }, (_, index) => line(index)).join('');
  return { parts, counts, text };
}

function ask({
  parts,
  kept,
  dataVersion = 1,
  coding,
}: {
  parts: () => Iterable<string>;
  kept: KeptExports;
  dataVersion?: number;
  coding?: string;
}) {
  return streamExport({
    request: new Request('http://127.0.0.1/briefings.csv', {
      headers: coding === undefined ? {} : { 'accept-encoding': coding },
    }),
    parts,
    dataVersion,
    query: 'csv?',
    headers: { 'content-type': 'text/csv' },
    kept,
  });
}

const decoded = (bytes: Buffer, coding: string | null) =>
  (coding === 'gzip'
    ? gunzipSync(bytes)
    : coding === 'br'
      ? brotliDecompressSync(bytes)
      : bytes
  ).toString('utf8');

describe('streamExport', () => {
  it.each(['gzip', 'br', undefined])(
    'makes an export once per data version and coding (%s), then sends the bytes it kept',
    async (coding) => {
      const kept = new KeptExports();
      const { parts, counts, text } = exportOf(20_000);
      const first = await ask({ parts, kept, coding });
      const firstBytes = Buffer.from(await first.arrayBuffer());
      expect(decoded(firstBytes, first.headers.get('content-encoding'))).toBe(text);

      const second = await ask({ parts, kept, coding });
      const secondBytes = Buffer.from(await second.arrayBuffer());
      expect(counts.made).toBe(1);
      expect(secondBytes.equals(firstBytes)).toBe(true);
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(second.headers.get('content-encoding')).toBe(first.headers.get('content-encoding'));
      expect(second.headers.get('content-length')).toBe(String(secondBytes.byteLength));

      // A new data version is made again; the old one is not kept beside it.
      await (await ask({ parts, kept, coding, dataVersion: 2 })).arrayBuffer();
      expect(counts.made).toBe(2);
      expect(kept.get({ dataVersion: 1, key: `csv? ${coding ?? 'identity'}` })).toBeUndefined();
    },
  );

  it('keeps each coding apart', async () => {
    const kept = new KeptExports();
    const { parts, counts, text } = exportOf(2_000);
    for (const coding of ['gzip', 'br', 'gzip', 'br']) {
      const response = await ask({ parts, kept, coding });
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(decoded(bytes, response.headers.get('content-encoding'))).toBe(text);
    }
    expect(counts.made).toBe(2);
  });

  it('stops reading when the client goes away, and keeps nothing of a cut export', async () => {
    const kept = new KeptExports();
    const { parts, counts } = exportOf(200_000);
    const response = await ask({ parts, kept, coding: 'gzip' });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(() => counts.ended).toBe(1);
    await (await ask({ parts, kept, coding: 'gzip' })).arrayBuffer();
    expect(counts.made).toBe(2);
  });

  it('does not keep an export larger than it may', async () => {
    const kept = new KeptExports();
    // 201 bytes a line, sent as they are (no coding asked).
    const line = (index: number) => `${String(index).padStart(8, '0').repeat(25)}\n`;
    const rows = Math.ceil(MAX_KEPT_EXPORT_BYTES / 200) + 1000;
    const { parts, counts } = exportOf(rows, line);
    await (await ask({ parts, kept })).arrayBuffer();
    await (await ask({ parts, kept })).arrayBuffer();
    expect(counts.made).toBe(2);
  });
});
