import { describe, expect, it } from 'vitest';
import { generateBriefings } from '@briefing/schema/testing';
import { decodeKeysSnapshot, KeysSnapshotEncoder } from './keys-snapshot.js';
import { keySourceOf, type KeySource } from './record-keys.js';

/** A snapshot made by a new encoder, every record's source given. */
function encodeKeysSnapshot({
  build,
  records,
  byCreation,
}: {
  build: string;
  records: readonly { source: KeySource; hash: string }[];
  byCreation: Iterable<string>;
}): string {
  return new KeysSnapshotEncoder().encode({
    build,
    records: records.map(({ source, hash }) => ({ id: source.id, hash, source: () => source })),
    byCreation,
  })!;
}

const records = generateBriefings({ count: 30 }).map((record, index) => ({
  source: keySourceOf(record),
  hash: `hash-${index}`,
}));
const BY_CREATION = records.map((record) => record.source.id).reverse();

describe('keys snapshot', () => {
  it('gives back every record key source and hash it was made of', () => {
    const text = encodeKeysSnapshot({
      build: 'b1',
      records,
      byCreation: BY_CREATION,
    });
    const { records: decoded, byCreation } = decodeKeysSnapshot({ text, build: 'b1' })!;
    expect(byCreation).toEqual(BY_CREATION);
    expect(decoded.size).toBe(records.length);
    for (const { source, hash } of records) {
      expect(decoded.get(source.id)).toEqual({ source, hash });
    }
    // Every kind of scope survives, countries included.
    const kinds = new Set(
      [...decoded.values()].flatMap((entry) => entry.source.scopes.map((s) => s.kind)),
    );
    expect(kinds).toEqual(new Set(['all', 'theme', 'type', 'country']));
  });

  it('encodes changed, removed and added records when used again, as a fresh encoding does', () => {
    const encoder = new KeysSnapshotEncoder();
    const asked = (list: typeof records) =>
      list.map(({ source, hash }) => ({ id: source.id, hash, source: () => source }));
    encoder.encode({ build: 'b1', records: asked(records), byCreation: BY_CREATION });
    // One record changed (a new hash and date), one removed, one added.
    const [changed, removed, ...rest] = records;
    const added = { source: { ...rest[0]!.source, id: 'added-record' }, hash: 'hash-added' };
    const next = [
      { source: { ...changed!.source, updated: '2031-01-01' }, hash: 'hash-changed' },
      ...rest,
      added,
    ];
    const order = next.map((record) => record.source.id);
    const again = encoder.encode({ build: 'b1', records: asked(next), byCreation: order })!;
    expect(again).toBe(encodeKeysSnapshot({ build: 'b1', records: next, byCreation: order }));
    // Only the records whose hash is new were asked for their source.
    let asks = 0;
    encoder.encode({
      build: 'b1',
      records: next.map(({ source, hash }) => ({
        id: source.id,
        hash,
        source: () => (asks++, source),
      })),
      byCreation: order,
    });
    expect(asks).toBe(0);
    const decoded = decodeKeysSnapshot({ text: again, build: 'b1' })!;
    expect(decoded.records.get(changed!.source.id)?.source.updated).toBe('2031-01-01');
    expect(decoded.records.has(removed!.source.id)).toBe(false);
    expect(decoded.records.get('added-record')?.hash).toBe('hash-added');
  });

  it.each([
    ['another build', encodeKeysSnapshot({ build: 'b2', records, byCreation: BY_CREATION })],
    ['text that is not JSON', '{"version":1,'],
    [
      'of the first version (with a digest of every record)',
      JSON.stringify({
        version: 1,
        build: 'b1',
        every: '0123456789abcdef0123456789abcdef01234567',
        records: [],
        byCreation: [],
      }),
    ],
    ['another version', JSON.stringify({ version: 9, build: 'b1', records: [], byCreation: [] })],
    [
      'a record of the wrong shape',
      JSON.stringify({
        version: 2,
        build: 'b1',
        records: [['a', 'h']],
        byCreation: [],
      }),
    ],
    [
      'an unknown scope',
      JSON.stringify({
        version: 2,
        build: 'b1',
        records: [['a', 'h', '2024-01-01', '2024-01-01', { start: '2024-01-01' }, ['x:y']]],
        byCreation: [0],
      }),
    ],
    [
      'a date without a start',
      JSON.stringify({
        version: 2,
        build: 'b1',
        records: [['a', 'h', '2024-01-01', '2024-01-01', {}, ['all']]],
        byCreation: [0],
      }),
    ],
    [
      'an order naming no record',
      JSON.stringify({
        version: 2,
        build: 'b1',
        records: [['a', 'h', '2024-01-01', '2024-01-01', { start: '2024-01-01' }, ['all']]],
        byCreation: [1],
      }),
    ],
  ])('is ignored when it is %s', (_what, text) => {
    expect(decodeKeysSnapshot({ text, build: 'b1' })).toBeUndefined();
  });
});
