import { z } from 'zod';
import { Briefing } from './briefing.js';
import { describeValue, issueMessage } from './issue-message.js';
import { formatPath, type Problem } from './problem.js';

/** A problem still holding its raw path, so a loader can map it to a line. */
export interface RecordIssue {
  path: PropertyKey[];
  /** Set when the issue is about a key itself (an unknown key), not its value. */
  key?: string;
  /** For an unknown key, the known field it is probably a typo of. */
  suggestion?: string;
  /** Whether the issue is a required field that is absent. */
  missing?: boolean;
  message: string;
}

/** Checks one record against the schema; issues keep raw paths for line lookup. */
export function checkBriefing(value: unknown): { record?: Briefing; issues: RecordIssue[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      issues: [
        { path: [], message: `expected a mapping of record fields, got ${describeValue(value)}` },
      ],
    };
  }
  const result = Briefing.safeParse(value, { error: issueMessage, reportInput: true });
  if (result.success) return { record: result.data, issues: [] };
  return {
    issues: dropMissingExplainedByTypos(
      result.error.issues.flatMap((issue) => toRecordIssues(issue)),
    ),
  };
}

/** `titel:` is reported once, as a typo of `title`, not also as `title` missing. */
function dropMissingExplainedByTypos(issues: RecordIssue[]): RecordIssue[] {
  const suggested = new Set(
    issues
      .filter((issue) => issue.suggestion !== undefined)
      .map((issue) => formatPath([...issue.path, issue.suggestion!])),
  );
  return issues.filter(
    (issue) => !(issue.missing === true && suggested.has(formatPath(issue.path))),
  );
}

/** Validates one record: the parsed record, or problems naming each field that is wrong. */
export function validateBriefing({ value, file }: { value: unknown; file?: string }): {
  record?: Briefing;
  problems: Problem[];
} {
  const { record, issues } = checkBriefing(value);
  const recordId = readId(value);
  return {
    ...(record === undefined ? {} : { record }),
    problems: issues.map((issue) => ({
      ...(file === undefined ? {} : { file }),
      ...(recordId === undefined ? {} : { recordId }),
      path: formatPath(issue.key === undefined ? issue.path : [...issue.path, issue.key]),
      message: issue.message,
    })),
  };
}

/** The record's id if it has a string one, for naming the record in problems. */
export function readId(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function toRecordIssues(issue: z.core.$ZodIssue): RecordIssue[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(path);
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      return {
        path,
        key,
        ...(suggestion === undefined ? {} : { suggestion }),
        message:
          `unknown field ${JSON.stringify(key)}` +
          (suggestion !== undefined
            ? ` (did you mean "${suggestion}"?)`
            : known.length > 0
              ? `; expected one of: ${known.join(', ')}`
              : ''),
      };
    });
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    return issue.errors[0]!.flatMap((inner) => toRecordIssues(inner));
  }
  const missing =
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined;
  return [{ path, message: issue.message, ...(missing ? { missing } : {}) }];
}

/** The field names the schema allows at a path, for "did you mean" hints. */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType = Briefing;
  for (const key of [...path, undefined]) {
    for (;;) {
      if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
        schema = schema.unwrap();
      else if (schema instanceof z.ZodDefault) schema = schema.unwrap();
      else break;
    }
    if (key === undefined) break;
    if (schema instanceof z.ZodArray && typeof key === 'number') schema = schema.element;
    else if (schema instanceof z.ZodObject && typeof key === 'string' && key in schema.shape) {
      schema = schema.shape[key] as z.core.$ZodType;
    } else return [];
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** The known name nearest to a typo, if it is near enough to be the one meant. */
function closest(typo: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(typo.length / 3)) + 1;
  for (const name of known) {
    const distance = editDistance(typo.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
