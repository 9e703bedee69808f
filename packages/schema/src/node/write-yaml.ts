import { Document, isScalar, visit } from 'yaml';
import { z } from 'zod';
import { Briefing } from '../briefing.js';
import { YAML_OPTIONS } from './yaml-options.js';

/**
 * A record as YAML, fields in schema order (id, title, summary, …) so that files diff
 * cleanly; parses back to an equal record.
 */
export function briefingToYaml(record: Briefing): string {
  const doc = new Document(ordered(record, Briefing), YAML_OPTIONS);
  // Text that a YAML 1.1 reader (PyYAML, many older tools) would take for something else is
  // quoted, as the seeds are: dates, yes/no/on/off, 12:30, 1_000.
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && YAML_1_1_NOT_TEXT.test(node.value)) {
        node.type = 'QUOTE_SINGLE';
      }
    },
  });
  return doc.toString({ lineWidth: 100, minContentWidth: 40 });
}

const YAML_1_1_NOT_TEXT =
  /^(?:\d{4}-\d{1,2}-\d{1,2}(?:[Tt ].*)?|y|yes|n|no|on|off|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[-+]?(?:0b[01_]+|0[0-7_]+|0x[0-9a-f_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?))$/i;

/** A copy of a value with object keys in the order the schema declares them. */
function ordered(value: unknown, schema: z.core.$ZodType | undefined): unknown {
  const inner = unwrap(schema);
  if (Array.isArray(value)) {
    return value.map((item) =>
      ordered(item, inner instanceof z.ZodArray ? inner.element : undefined),
    );
  }
  if (value === null || typeof value !== 'object') return value;
  const shape: Record<string, z.core.$ZodType> = inner instanceof z.ZodObject ? inner.shape : {};
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  const rank = (key: string) => {
    const index = Object.keys(shape).indexOf(key);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries.map(([key, v]) => [key, ordered(v, shape[key])]));
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
    current = current.unwrap();
  return current;
}
