import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

// YAML 1.2 core schema: "2023-10-18" stays a string (YAML 1.1 would make it a timestamp),
// no merge keys, no custom tags; every key a string, each key once.
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  merge: false,
  customTags: [],
  resolveKnownTags: false,
  uniqueKeys: true,
  stringKeys: true,
  strict: true,
  prettyErrors: false,
  // 'silent' would also drop the error for a second document in the file.
  logLevel: 'error',
};

/** Largest record file accepted, in bytes; a record is a few KiB. */
export const DEFAULT_MAX_BYTES = 256 * 1024;

/** Aliases a file may expand; records need none, and alias bombs need thousands. */
export const DEFAULT_MAX_ALIAS_COUNT = 100;
