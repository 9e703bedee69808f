import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Briefing } from '../briefing.js';
import { formatPath, sortProblems, type Problem } from '../problem.js';
import { citationWarnings } from '../citation-warnings.js';
import { checkRecordSet } from '../record-set.js';
import { parseBriefingFile, tooLarge, type ParseLimits } from './parse-yaml.js';
import { DEFAULT_MAX_BYTES } from './yaml-options.js';

export interface LoadOptions extends ParseLimits {
  /** Directory of `<id>.yaml` files; problems name files under it as given here. */
  dir: string;
  /** Where a relative `dir` is resolved from (default: the process's working directory). */
  cwd?: string;
  /**
   * The repository root that `document:` sources are relative to (default: the nearest
   * directory above `dir` that holds a `seeds/` directory).
   */
  root?: string;
}

export interface LoadResult {
  /** Every valid record, sorted by id. */
  records: Briefing[];
  /** Every problem in every file, sorted by file and line. */
  problems: Problem[];
  /** Things that validate but should be fixed (a source URL that is a home page…), sorted. */
  warnings: Problem[];
  /** The absolute path of each document a source cites (its `document` value) that exists. */
  documents: Map<string, string>;
}

interface Located {
  record: Briefing;
  file: string;
  lineOf: (path: readonly PropertyKey[]) => number;
  matchesFileName: boolean;
}

/**
 * Loads every `*.yaml` file directly in a directory, checks each against the schema and
 * then all of them against the cross-record rules, collecting every problem instead of
 * stopping at the first.
 */
export async function loadBriefings({
  dir,
  cwd = process.cwd(),
  root,
  ...limits
}: LoadOptions): Promise<LoadResult> {
  const absoluteDir = resolve(cwd, dir);
  const problems: Problem[] = [];
  let names: string[];
  try {
    const entries = await readdir(absoluteDir, { withFileTypes: true });
    names = entries
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    return {
      records: [],
      problems: [{ file: dir, path: '', message: `cannot read the directory: ${reason(error)}` }],
      warnings: [],
      documents: new Map(),
    };
  }

  for (const name of names.filter((n) => n.endsWith('.yml'))) {
    problems.push({ file: join(dir, name), line: 1, path: '', message: NOT_LOADED_YML });
  }

  const located: Located[] = [];
  // Synchronous reads: the files are small and parsing is the bottleneck, so the promise
  // round trips of fs/promises would cost more than they overlap.
  for (const name of names.filter((n) => n.endsWith('.yaml'))) {
    const file = join(dir, name);
    const result = loadOne({ path: join(absoluteDir, name), file, name, ...limits });
    problems.push(...result.problems);
    if (result.located !== undefined) located.push(result.located);
  }
  located.sort(
    (a, b) =>
      (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0) ||
      // Of two records with one id, the one in <id>.yaml is the original.
      Number(!a.matchesFileName) - Number(!b.matchesFileName) ||
      (a.file < b.file ? -1 : 1),
  );

  const byRecord = new Map(located.map((entry) => [entry.record, entry]));
  problems.push(
    ...checkRecordSet({
      records: located.map((entry) => entry.record),
      locate: (record, path) => {
        const entry = byRecord.get(record);
        return entry === undefined ? {} : { file: entry.file, line: entry.lineOf(path) };
      },
    }),
  );
  const documents = await checkDocuments({
    located,
    root: root ?? (await findDataRoot(absoluteDir)),
  });
  problems.push(...documents.problems);

  const warnings = located.flatMap(({ record, file, lineOf }) =>
    citationWarnings(record).map(({ path, message }) => ({
      file,
      line: lineOf(path),
      recordId: record.id,
      path: formatPath(path),
      message,
    })),
  );

  // A record with a cross-record problem is still returned: it is valid on its own.
  return {
    records: located.map((entry) => entry.record),
    problems: sortProblems(problems),
    warnings: sortProblems(warnings),
    documents: documents.found,
  };
}

function loadOne({
  path,
  file,
  name,
  maxBytes = DEFAULT_MAX_BYTES,
  maxAliasCount,
}: {
  path: string;
  file: string;
  name: string;
} & ParseLimits): {
  problems: Problem[];
  located?: Located;
} {
  let bytes: Buffer;
  try {
    const read = readCapped({ path, maxBytes });
    if (typeof read === 'number') {
      return { problems: [{ file, line: 1, path: '', message: tooLarge(read, maxBytes) }] };
    }
    bytes = read;
  } catch (error) {
    return {
      problems: [{ file, line: 1, path: '', message: `cannot read the file: ${reason(error)}` }],
    };
  }

  const { record, problems } = checkBriefingFile({
    bytes,
    file,
    name,
    maxBytes,
    ...(maxAliasCount === undefined ? {} : { maxAliasCount }),
  });
  return record === undefined
    ? { problems }
    : {
        problems,
        located: {
          record,
          file,
          // Lines are needed only for a cross-record problem: parse again then, rather than
          // keep every file's syntax tree alive.
          lineOf: reparsedLines({ path, file, maxBytes }),
          matchesFileName: record.id === idOfFileName(name),
        },
      };
}

/** The message for a `*.yml` file in a records directory: it is reported, not loaded. */
export const NOT_LOADED_YML = 'not loaded: record files must end in .yaml';

/** The id a record file's name promises: `<id>.yaml`. */
export function idOfFileName(name: string): string {
  return name.endsWith('.yaml') ? name.slice(0, -'.yaml'.length) : name;
}

/**
 * Checks the bytes of one record file named `name` (`<id>.yaml`, shown as `file` in problems):
 * its size (`size`, when the bytes were cut short at the cap), UTF-8, YAML, the schema, and that
 * the id matches the file name. `lineOf` gives a field's line, for the rules across records.
 */
export function checkBriefingFile({
  bytes,
  size = bytes.length,
  file,
  name,
  maxBytes = DEFAULT_MAX_BYTES,
  maxAliasCount,
}: {
  bytes: Uint8Array;
  size?: number;
  file: string;
  name: string;
} & ParseLimits): {
  record?: Briefing;
  problems: Problem[];
  lineOf: (path: readonly PropertyKey[]) => number;
} {
  if (Math.max(size, bytes.length) > maxBytes) {
    const message = tooLarge(Math.max(size, bytes.length), maxBytes);
    return { problems: [{ file, line: 1, path: '', message }], lineOf: () => 1 };
  }
  const text = decodeUtf8(bytes);
  if (typeof text !== 'string') return { problems: [{ file, ...text }], lineOf: () => 1 };
  const parsed = parseBriefingFile({
    text,
    file,
    maxBytes,
    ...(maxAliasCount === undefined ? {} : { maxAliasCount }),
  });
  const problems = [...parsed.problems];
  const expectedId = idOfFileName(name);
  if (parsed.record !== undefined && parsed.record.id !== expectedId) {
    problems.push({
      file,
      line: parsed.lineOf(['id']),
      recordId: parsed.record.id,
      path: 'id',
      message: `expected the id to match the file name "${expectedId}", got "${parsed.record.id}" (rename the file to ${parsed.record.id}.yaml)`,
    });
  }
  const lineOf = (path: readonly PropertyKey[]) => parsed.lineOf(path);
  return parsed.record === undefined
    ? { problems, lineOf }
    : { record: parsed.record, problems, lineOf };
}

/** The file's bytes, or its size when over the cap; the cap is checked before reading. */
function readCapped({ path, maxBytes }: { path: string; maxBytes: number }): Buffer | number {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return size;
    // One byte more than the cap, in case the file grew since fstat.
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (
      let n;
      length < buffer.length &&
      (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;
    ) {
      length += n;
    }
    return length > maxBytes ? length : buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** A line lookup that reads and parses the file again when first asked. */
function reparsedLines({
  path,
  file,
  maxBytes,
}: {
  path: string;
  file: string;
  maxBytes: number;
}): Located['lineOf'] {
  let lineOf: Located['lineOf'] | undefined;
  return (fieldPath) => {
    if (lineOf === undefined) {
      try {
        const bytes = readCapped({ path, maxBytes });
        const text = typeof bytes === 'number' ? '' : decodeUtf8(bytes);
        if (typeof text !== 'string') throw new Error('not UTF-8');
        lineOf = parseBriefingFile({ text, file, maxBytes }).lineOf;
      } catch {
        lineOf = () => 1;
      }
    }
    return lineOf(fieldPath);
  };
}

/** The text of UTF-8 bytes, or a problem naming the first byte that is not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | Omit<Problem, 'file'> {
  try {
    return utf8.decode(bytes);
  } catch {
    const { offset, line } = firstInvalidUtf8(bytes);
    const byte = bytes[offset]!.toString(16).padStart(2, '0');
    return {
      line,
      path: '',
      message: `not UTF-8: invalid byte 0x${byte} at byte ${offset}; save the file as UTF-8`,
    };
  }
}

// fatal: a stray Latin-1 byte is an error, not a silent U+FFFD in a published record.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Where the first byte that is not UTF-8 is, to point the user at it. */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset]!;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0 || offset + length > bytes.length) break;
    const second = bytes[offset + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF (RFC 3629 §4).
    const outOfRange =
      (lead === 0xe0 && second < 0xa0) ||
      (lead === 0xed && second >= 0xa0) ||
      (lead === 0xf0 && second < 0x90) ||
      (lead === 0xf4 && second >= 0x90);
    let continuationOk = true;
    for (let k = 1; k < length; k += 1)
      if ((bytes[offset + k]! & 0xc0) !== 0x80) continuationOk = false;
    if (!continuationOk || outOfRange) break;
    offset += length;
  }
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return { offset, line };
}

async function checkDocuments({
  located,
  root,
}: {
  located: Located[];
  root: string;
}): Promise<{ problems: Problem[]; found: Map<string, string> }> {
  const problems: Problem[] = [];
  const found = new Map<string, string>();
  const known = new Map<string, Promise<boolean>>();
  const exists = (path: string) => {
    let result = known.get(path);
    if (result === undefined) known.set(path, (result = isFile(path)));
    return result;
  };
  for (const { record, file, lineOf } of located) {
    const checked = await checkRecordDocuments({ record, file, lineOf, root, exists });
    problems.push(...checked.problems);
    for (const [document, path] of checked.found) found.set(document, path);
  }
  return { problems, found };
}

/**
 * Checks that each `document:` source of a record names an existing file under `root`; `found`
 * maps each document that exists to its absolute path.
 */
export async function checkRecordDocuments({
  record,
  file,
  lineOf,
  root,
  exists = isFile,
}: {
  record: Briefing;
  file: string;
  lineOf: (path: readonly PropertyKey[]) => number;
  root: string;
  exists?: (path: string) => Promise<boolean>;
}): Promise<{ problems: Problem[]; found: Map<string, string> }> {
  const problems: Problem[] = [];
  const found = new Map<string, string>();
  for (const [index, source] of record.sources.entries()) {
    if (source.document === undefined) continue;
    const path = resolve(root, source.document);
    if (await exists(path)) {
      found.set(source.document, path);
    } else {
      problems.push({
        file,
        line: lineOf(['sources', index, 'document']),
        recordId: record.id,
        path: `sources[${index}].document`,
        message: `expected an existing file, got "${source.document}" (not found under ${root})`,
      });
    }
  }
  return { problems, found };
}

function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * The directory `document:` sources are relative to: the nearest directory at or above `start`
 * that holds a `seeds/` directory (else two levels above `start`, as for seeds/briefings).
 */
export async function findDataRoot(start: string): Promise<string> {
  for (let dir = start; ; dir = dirname(dir)) {
    if (
      await stat(join(dir, 'seeds')).then(
        (info) => info.isDirectory(),
        () => false,
      )
    )
      return dir;
    if (dirname(dir) === dir) return resolve(start, '..', '..');
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a directory';
  return error instanceof Error ? error.message : String(error);
}
