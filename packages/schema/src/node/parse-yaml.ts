import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import type { Briefing } from '../briefing.js';
import { formatPath, sortProblems, type Problem } from '../problem.js';
import { checkBriefing, readId } from '../validate.js';
import { readPlainYaml } from './read-plain-yaml.js';
import { DEFAULT_MAX_ALIAS_COUNT, DEFAULT_MAX_BYTES, YAML_OPTIONS } from './yaml-options.js';

export interface ParsedBriefingFile {
  record?: Briefing;
  problems: Problem[];
  /** The 1-based line of a field path in the file (best effort: the nearest enclosing node). */
  lineOf: (path: readonly PropertyKey[], key?: string) => number;
}

export interface ParseLimits {
  maxBytes?: number;
  maxAliasCount?: number;
}

/** Parses one YAML record and checks it against the schema, collecting every problem. */
export function parseBriefingYaml({
  text,
  file,
  ...limits
}: { text: string; file?: string } & ParseLimits): { record?: Briefing; problems: Problem[] } {
  const { record, problems } = parseBriefingFile({ text, file, ...limits });
  return record === undefined ? { problems } : { record, problems };
}

/** Like parseBriefingYaml, also returning a line lookup for cross-record problems. */
export function parseBriefingFile({
  text,
  file,
  maxBytes = DEFAULT_MAX_BYTES,
  maxAliasCount = DEFAULT_MAX_ALIAS_COUNT,
}: {
  text: string;
  file?: string | undefined;
} & ParseLimits): ParsedBriefingFile {
  const at = (
    line: number | undefined,
    path: string,
    message: string,
    recordId?: string,
  ): Problem => ({
    ...(file === undefined ? {} : { file }),
    ...(line === undefined ? {} : { line }),
    ...(recordId === undefined ? {} : { recordId }),
    path,
    message,
  });
  const noLines = () => 1;

  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) {
    return { problems: [at(1, '', tooLarge(size, maxBytes))], lineOf: noLines };
  }
  if (text.trim() === '') {
    return {
      problems: [at(1, '', 'empty file: expected a briefing record (a YAML mapping of fields)')],
      lineOf: noLines,
    };
  }

  const plain = readPlainYaml(text);
  if (plain !== undefined) {
    const { record } = checkBriefing(plain.value);
    if (record !== undefined) {
      // Lines are needed only when a later rule finds a problem: parse with `yaml` then.
      let lineOf: ParsedBriefingFile['lineOf'] | undefined;
      return {
        record,
        problems: [],
        lineOf: (path, key) =>
          (lineOf ??= parseWithYaml({ text, at, maxAliasCount }).lineOf)(path, key),
      };
    }
  }
  return parseWithYaml({ text, at, maxAliasCount });
}

/** Parses with `yaml`, which gives the messages and line numbers of every problem. */
function parseWithYaml({
  text,
  at,
  maxAliasCount,
}: {
  text: string;
  at: (line: number | undefined, path: string, message: string, recordId?: string) => Problem;
  maxAliasCount: number;
}): ParsedBriefingFile {
  const noLines = () => 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  // Errors found at the end of the text (an unclosed quote) are shown on the last line written.
  const lastContent = text.trimEnd().length - 1;
  const lineAt = (offset: number) => lineCounter.linePos(Math.min(offset, lastContent)).line;

  // A syntax error makes the parser's later errors unreliable echoes of it: report the first
  // and count the rest. Duplicate keys and unknown tags are each a problem of their own.
  // Warnings are errors here: an unresolved tag such as !!js/function would otherwise be text.
  const syntaxErrors = doc.errors
    .filter((error) => error.code !== 'DUPLICATE_KEY')
    .sort((a, b) => a.pos[0] - b.pos[0]);
  const more = syntaxErrors.length - 1;
  const yamlProblems = [
    ...syntaxErrors
      .slice(0, 1)
      .map((error) =>
        at(
          lineAt(error.pos[0]),
          '',
          `invalid YAML: ${yamlErrorMessage(error)}` +
            (more > 0
              ? ` (and ${more} more YAML ${more === 1 ? 'error' : 'errors'} after it)`
              : ''),
        ),
      ),
    ...doc.errors
      .filter((error) => error.code === 'DUPLICATE_KEY')
      .map((error) =>
        at(
          lineAt(error.pos[0]),
          '',
          `duplicate key ${JSON.stringify(text.slice(error.pos[0]).split(/[:\n]/)[0]!.trim())}: each field may appear once`,
        ),
      ),
    ...doc.warnings.map((warning) =>
      at(lineAt(warning.pos[0]), '', `invalid YAML: ${firstLine(warning.message)}`),
    ),
  ];
  if (yamlProblems.length > 0) return { problems: sortProblems(yamlProblems), lineOf: noLines };

  if (doc.contents === null) {
    return {
      problems: [at(1, '', 'empty file: expected a briefing record (a YAML mapping of fields)')],
      lineOf: noLines,
    };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (error) {
    const firstAlias = findFirstAlias(doc);
    const message =
      error instanceof ReferenceError
        ? `too many alias expansions (more than ${maxAliasCount}): refusing a possible alias bomb`
        : `invalid YAML: ${firstLine(String(error))}`;
    return {
      problems: [at(firstAlias === undefined ? 1 : lineAt(firstAlias), '', message)],
      lineOf: noLines,
    };
  }

  const lineOf = (path: readonly PropertyKey[], key?: string) => lineOfPath(doc, path, key, lineAt);
  const recordId = readId(value);
  const { record, issues } = checkBriefing(value);
  const problems = sortProblems(
    issues.map((issue) =>
      at(
        lineOf(issue.path, issue.key),
        formatPath(issue.key === undefined ? issue.path : [...issue.path, issue.key]),
        issue.message,
        recordId,
      ),
    ),
  );
  return record === undefined ? { problems, lineOf } : { record, problems, lineOf };
}

export function tooLarge(size: number, maxBytes: number): string {
  const kib = maxBytes >= 1024 ? ` (${Math.round(maxBytes / 1024)} KiB)` : '';
  return `file too large: ${size} bytes, expected at most ${maxBytes} bytes${kib} per record`;
}

/** The parser's message, except where it gives advice about the parser's own API. */
function yamlErrorMessage(error: { code: string; message: string }): string {
  if (error.code === 'MULTIPLE_DOCS') {
    return 'a second YAML document starts here: a record file holds one record (remove this "---" line and what follows, or move it to its own file)';
  }
  return firstLine(error.message);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function findFirstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  const walk = (node: unknown): void => {
    if (offset !== undefined) return;
    if (isAlias(node)) offset = node.range?.[0];
    else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isMap(node)) {
          const pair = item as { key: unknown; value: unknown };
          walk(pair.key);
          walk(pair.value);
        } else walk(item);
      }
    }
  };
  walk(doc.contents);
  return offset;
}

/**
 * The line of a field path: the line of its key (or list item), or of the nearest enclosing
 * field when the path goes further than the YAML does (a missing field).
 */
function lineOfPath(
  doc: Document,
  path: readonly PropertyKey[],
  key: string | undefined,
  lineAt: (offset: number) => number,
): number {
  let node: unknown = doc.contents;
  let line = rangeLine(node, lineAt) ?? 1;
  for (const step of key === undefined ? path : [...path, key]) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(step),
      );
      if (pair === undefined) return line;
      line = rangeLine(pair.key, lineAt) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) return line;
      line = rangeLine(item, lineAt) ?? line;
      node = item;
    } else {
      return line;
    }
  }
  return line;
}

function rangeLine(node: unknown, lineAt: (offset: number) => number): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range === undefined || range === null ? undefined : lineAt(range[0]);
}
