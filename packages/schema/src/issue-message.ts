import type { z } from 'zod';

/** A value as a problem message shows it: strings quoted and cut short, collections named. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  // What a YAML 1.1 or JSON-with-dates reader makes of an unquoted 2023-10-18.
  if (value instanceof Date) return `a date-time object (${value.toISOString()}), not text`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  }
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

/**
 * Messages for zod's built-in issues in the "expected …, got …" form. Used as a per-parse
 * error map, so the schema's own messages still win.
 */
export function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const found = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined)
        return `required field is missing (expected ${TYPE_NAMES[issue.expected] ?? issue.expected})`;
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${found}`;
    case 'invalid_value': {
      const values = issue.values.map((value) => JSON.stringify(value)).join(', ');
      if (issue.input === undefined) return `required field is missing (expected one of ${values})`;
      return `expected one of ${values}, got ${found}`;
    }
    case 'too_small':
      if (issue.origin === 'number') {
        return `expected a number ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}, got ${found}`;
      }
      return undefined;
    case 'too_big':
      if (issue.origin === 'number') {
        return `expected a number ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}, got ${found}`;
      }
      if (issue.origin === 'string') return `expected at most ${String(issue.maximum)} characters`;
      return undefined;
    default:
      return undefined;
  }
}
