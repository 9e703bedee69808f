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
 * YAML is the slow part of a load. Only values of valid records are kept, and the schema
 * still checks every one on every load, so the cache can skip work but never a rule.
 */
export interface ParseCache {
  get: (bytes: Uint8Array) => unknown;
  set: (bytes: Uint8Array, value: unknown) => void;
  /** Writes the cache if it changed, keeping only the entries used since it was opened. */
  save: () => Promise<void>;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** Opens the cache file (a missing, unreadable or outdated one is an empty cache). */
export async function openParseCache({ file }: { file: string }): Promise<ParseCache> {
  let stored: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as {
      format?: string;
      entries?: Record<string, unknown>;
    };
    if (parsed.format === FORMAT && parsed.entries !== undefined) stored = parsed.entries;
  } catch {
    // No cache yet, or a damaged one: start afresh.
  }
  const used = new Map<string, unknown>();
  let changed = false;
  const lastHash = new WeakMap<Uint8Array, string>();
  const keyOf = (bytes: Uint8Array) => {
    let key = lastHash.get(bytes);
    if (key === undefined) lastHash.set(bytes, (key = hashBytes(bytes)));
    return key;
  };
  return {
    get(bytes) {
      const key = keyOf(bytes);
      if (!Object.hasOwn(stored, key)) return undefined;
      const value = stored[key];
      used.set(key, value);
      return value;
    },
    set(bytes, value) {
      used.set(keyOf(bytes), value);
      changed = true;
    },
    async save() {
      if (!changed && used.size === Object.keys(stored).length) return;
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic({
        path: file,
        contents: JSON.stringify({ format: FORMAT, entries: Object.fromEntries(used) }),
      });
    },
  };
}
