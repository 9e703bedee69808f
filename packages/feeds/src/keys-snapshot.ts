// The records' ordering keys as a build output keeps them beside its manifest: a new process
// building into that output takes the keys of every record whose content hash is unchanged from
// here, and reads only the others from the store (reading and parsing every record's JSON was a
// third of a new process's time after one edit).
import type { FeedScope } from './paths.js';
import type { KeySource } from './record-keys.js';

const VERSION = 1;

type Encoded = [
  id: string,
  hash: string,
  created: string,
  updated: string,
  date: KeySource['date'],
  scopes: string[],
];

const encodeScope = (scope: FeedScope): string =>
  scope.kind === 'all'
    ? 'all'
    : scope.kind === 'theme'
      ? `t:${scope.id}`
      : scope.kind === 'type'
        ? `y:${scope.id}`
        : `c:${scope.code}`;

function decodeScope(text: unknown): FeedScope | undefined {
  if (text === 'all') return { kind: 'all' };
  if (typeof text !== 'string' || text[1] !== ':') return undefined;
  const value = text.slice(2);
  switch (text[0]) {
    case 't':
      return { kind: 'theme', id: value as Extract<FeedScope, { kind: 'theme' }>['id'] };
    case 'y':
      return { kind: 'type', id: value as Extract<FeedScope, { kind: 'type' }>['id'] };
    case 'c':
      return { kind: 'country', code: value };
    default:
      return undefined;
  }
}

/** Each record's key source with its content hash, made by the code and options `build`. */
export function encodeKeysSnapshot({
  build,
  records,
}: {
  build: string;
  records: Iterable<{ source: KeySource; hash: string }>;
}): string {
  const encoded: Encoded[] = [];
  for (const { source, hash } of records) {
    encoded.push([
      source.id,
      hash,
      source.created,
      source.updated,
      source.date,
      source.scopes.map(encodeScope),
    ]);
  }
  return JSON.stringify({ version: VERSION, build, records: encoded });
}

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * The key sources and hashes of a snapshot, by record id; undefined if it is not one written by
 * `build` (other code or options) or is malformed in any way: the keys are then read from the store.
 */
export function decodeKeysSnapshot({
  text,
  build,
}: {
  text: string;
  build: string;
}): Map<string, { source: KeySource; hash: string }> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const snapshot = json as { version?: unknown; build?: unknown; records?: unknown };
  if (
    typeof json !== 'object' ||
    json === null ||
    snapshot.version !== VERSION ||
    snapshot.build !== build ||
    !Array.isArray(snapshot.records)
  ) {
    return undefined;
  }
  const out = new Map<string, { source: KeySource; hash: string }>();
  for (const entry of snapshot.records as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 6) return undefined;
    const [id, hash, created, updated, date, scopeTexts] = entry as unknown[];
    if (![id, hash, created, updated].every(isString)) return undefined;
    const start = (date as { start?: unknown } | null)?.start;
    if (typeof date !== 'object' || date === null || !isString(start)) return undefined;
    if (!Array.isArray(scopeTexts)) return undefined;
    const scopes: FeedScope[] = [];
    for (const text of scopeTexts) {
      const scope = decodeScope(text);
      if (scope === undefined) return undefined;
      scopes.push(scope);
    }
    out.set(id as string, {
      hash: hash as string,
      source: {
        id: id as string,
        created: created as string,
        updated: updated as string,
        date: date as KeySource['date'],
        scopes,
      },
    });
  }
  return out;
}
