import { z } from 'zod';
import { Briefing, Place, Source } from './briefing.js';

/**
 * The JSON Schema (draft 2020-12) of a briefing record as written in a file, for users of
 * other languages. Rules JSON Schema cannot state (end ≥ start, precision, cross-record
 * rules) are checked by the zod schema only.
 */
export function briefingJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Briefing, {
    target: 'draft-2020-12',
    io: 'input',
    reused: 'inline',
    override: ({ zodSchema, jsonSchema }) => {
      // zod refinements do not reach JSON Schema; state the ones it can express by hand.
      if (zodSchema === Source) {
        jsonSchema.anyOf = [{ required: ['url'] }, { required: ['document'] }];
      }
      if (zodSchema === Place) {
        jsonSchema.dependentRequired = { lat: ['lon'], lon: ['lat'] };
      }
      // zod trims text before its length check: whitespace alone is empty.
      if (
        jsonSchema.type === 'string' &&
        jsonSchema.minLength === 1 &&
        jsonSchema.pattern === undefined
      ) {
        jsonSchema.pattern = '\\S';
      }
    },
  });
}
