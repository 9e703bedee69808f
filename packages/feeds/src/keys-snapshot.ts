// The records' ordering keys as a build output keeps them beside its manifest: a new process
// building into that output takes the keys of every record whose content hash is unchanged from
// here, and reads only the others from the store (reading and parsing every record's JSON was a
// third of a new process's time after one edit).
import type { FeedScope } from './paths.js';
import type { KeySource } from './record-keys.js';

// 2: no digest of every record (the calendar, which used it, no longer lists every record).
const VERSION = 2;

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

/** What a snapshot holds. */
export interface KeysSnapshot {
  /** Each record's key source and content hash, by id, in the order they were given. */
  records: Map<string, { source: KeySource; hash: string }>;
  /** The ids in another order that was given (see RecordKeys.load). */
  byCreation: string[];
}

/**
 * Makes snapshots one after another, encoding a record's entry again only when its content hash
 * changed: a build daemon writes one after each build, where an edit changes a few entries of
 * 10,000 (making and encoding all of them took 50 ms of each build, 650 ms at 100,000).
 */
export class KeysSnapshotEncoder {
  /** Each record's entry as JSON, with the content hash it was made for. */
  #entries = new Map<string, { hash: string; json: string }>();

  /**
   * Each record's key source with its content hash, made by the code and options `build`; the
   * source is asked for only when the hash is new. Undefined if a record has no source.
   */
  encode({
    build,
    records,
    byCreation,
  }: {
    build: string;
    records: Iterable<{ id: string; hash: string; source: () => KeySource | undefined }>;
    byCreation: Iterable<string>;
  }): string | undefined {
    const entries = new Map<string, { hash: string; json: string }>();
    const texts: string[] = [];
    const index = new Map<string, number>();
    for (const { id, hash, source: sourceOf } of records) {
      // The same content hash is the same record file, so the same key source.
      let entry = this.#entries.get(id);
      if (entry?.hash !== hash) {
        const source = sourceOf();
        if (source === undefined) return undefined;
        const encoded: Encoded = [
          source.id,
          hash,
          source.created,
          source.updated,
          source.date,
          source.scopes.map(encodeScope),
        ];
        entry = { hash, json: JSON.stringify(encoded) };
      }
      entries.set(id, entry);
      index.set(id, texts.length);
      texts.push(entry.json);
    }
    this.#entries = entries;
    const order: number[] = [];
    for (const id of byCreation) {
      const at = index.get(id);
      if (at !== undefined) order.push(at);
    }
    // What JSON.stringify gives of { version, build, records, byCreation }, the entries joined.
    return `{"version":${VERSION},"build":${JSON.stringify(build)},"records":[${texts.join(',')}],"byCreation":${JSON.stringify(order)}}`;
  }
}

/**
 * What a snapshot holds; undefined if it is not one written by `build` (other code or options)
 * or is malformed in any way: the keys are then read from the store.
 */
export function decodeKeysSnapshot({
  text,
  build,
}: {
  text: string;
  build: string;
}): KeysSnapshot | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const snapshot = json as {
    version?: unknown;
    build?: unknown;
    records?: unknown;
    byCreation?: unknown;
  };
  if (
    typeof json !== 'object' ||
    json === null ||
    snapshot.version !== VERSION ||
    snapshot.build !== build ||
    !Array.isArray(snapshot.records) ||
    !Array.isArray(snapshot.byCreation)
  ) {
    return undefined;
  }
  const out = new Map<string, { source: KeySource; hash: string }>();
  // A few dozen scopes among all records: each decoded once and shared (they are not changed).
  const scopeOf = new Map<unknown, FeedScope>();
  for (const entry of snapshot.records as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 6) return undefined;
    const id: unknown = entry[0];
    const hash: unknown = entry[1];
    const created: unknown = entry[2];
    const updated: unknown = entry[3];
    const date = entry[4] as KeySource['date'] | null;
    const scopeTexts: unknown = entry[5];
    if (
      typeof id !== 'string' ||
      typeof hash !== 'string' ||
      typeof created !== 'string' ||
      typeof updated !== 'string' ||
      typeof date !== 'object' ||
      date === null ||
      typeof date.start !== 'string' ||
      !Array.isArray(scopeTexts)
    ) {
      return undefined;
    }
    const scopes: FeedScope[] = [];
    for (const text of scopeTexts) {
      let scope = scopeOf.get(text);
      if (scope === undefined) {
        scope = decodeScope(text);
        if (scope === undefined) return undefined;
        scopeOf.set(text, scope);
      }
      scopes.push(scope);
    }
    out.set(id, { hash, source: { id, created, updated, date, scopes } });
  }
  const ids = [...out.keys()];
  const byCreation: string[] = [];
  for (const at of snapshot.byCreation as unknown[]) {
    const id = typeof at === 'number' ? ids[at] : undefined;
    if (id === undefined) return undefined;
    byCreation.push(id);
  }
  return { records: out, byCreation };
}
