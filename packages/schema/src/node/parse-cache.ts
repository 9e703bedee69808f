import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { writeFileAtomic } from './write-file-atomic.js';
import { DEFAULT_MAX_ALIAS_COUNT, YAML_OPTIONS } from './yaml-options.js';

// A cache written under another yaml version or other options is discarded.
const FORMAT = JSON.stringify({
  format: 1,
  yaml: (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version,
  options: YAML_OPTIONS,
  maxAliasCount: DEFAULT_MAX_ALIAS_COUNT,
});

/**
 * What parsing YAML gave for files already seen, keyed by the SHA-256 of their bytes: parsing
 * YAML is the slow part of a load. Only valid records are kept, and the schema still checks
 * every one on every load, so the cache can skip work but never a rule.
 */
export interface ParseCache {
  /** The value kept for these bytes, if any. */
  get: (bytes: Uint8Array) => unknown;
  /** Keeps a valid record for these bytes (also one that `get` gave), for the next load. */
  keep: (bytes: Uint8Array, value: unknown) => void;
  /** Writes the cache if it changed: the entries kept since it was opened, and no others. */
  save: () => Promise<void>;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** Opens the cache file (a missing, unreadable or outdated one is an empty cache). */
export async function openParseCache({ file }: { file: string }): Promise<ParseCache> {
  let stored = new Map<string, unknown>();
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as {
      format?: string;
      entries?: Record<string, unknown>;
    };
    if (parsed.format === FORMAT && parsed.entries !== undefined) {
      stored = new Map(Object.entries(parsed.entries));
    }
  } catch {
    // No cache yet, or a damaged one: start afresh.
  }
  const storedCount = stored.size;
  const kept = new Map<string, unknown>();
  let added = false;
  const hashes = new WeakMap<Uint8Array, string>();
  const keyOf = (bytes: Uint8Array) => {
    let key = hashes.get(bytes);
    if (key === undefined) hashes.set(bytes, (key = hashBytes(bytes)));
    return key;
  };
  const hits = new Set<string>();
  return {
    get(bytes) {
      const key = keyOf(bytes);
      const value = stored.get(key);
      // Released as soon as it is read: the caller's record replaces it.
      stored.delete(key);
      if (value !== undefined) hits.add(key);
      return value;
    },
    keep(bytes, value) {
      const key = keyOf(bytes);
      if (!hits.has(key)) added = true;
      kept.set(key, value);
    },
    async save() {
      if (!added && kept.size === storedCount) return;
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic({
        path: file,
        contents: JSON.stringify({ format: FORMAT, entries: Object.fromEntries(kept) }),
      });
    },
  };
}
