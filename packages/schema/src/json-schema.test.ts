import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { JSON_SCHEMA_PATH, jsonSchemaText } from '../scripts/write-json-schema.js';
import { briefingJsonSchema } from './json-schema.js';
import { loadBriefings } from './node/load-briefings.js';
import { YAML_OPTIONS } from './node/yaml-options.js';
import { INVALID_CASES, VALID_CASES, ZOD_ONLY_INVALID_CASES } from './test-support/corpus.js';
import { generateBriefings } from './test-support/generate-briefings.js';
import { validateBriefing } from './validate.js';

const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/briefings', import.meta.url));

/** The committed schema file, checked the way a Python or Go user would: a stock validator. */
let compiled: ReturnType<typeof compile> | undefined;
const committedValidator = () => (compiled ??= compile());

async function compile() {
  const schema = JSON.parse(await readFile(JSON_SCHEMA_PATH, 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

/** The value as it appears on disk: JSON-compatible, as another language would read it. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('JSON Schema', () => {
  it('matches the committed schema/briefing.schema.json (run `pnpm schema:write` after changing the zod schema)', async () => {
    const committed = await readFile(JSON_SCHEMA_PATH, 'utf8');
    expect(JSON.parse(committed)).toEqual(briefingJsonSchema());
    expect(committed).toBe(await jsonSchemaText());
  });

  it('is a draft 2020-12 schema', () => {
    expect(briefingJsonSchema().$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(VALID_CASES)('accepts $name, as zod does', async ({ value }) => {
    const validate = await committedValidator();
    expect(validate(asJson(value)), JSON.stringify(validate.errors)).toBe(true);
    expect(validateBriefing({ value }).problems).toEqual([]);
  });

  it.each(INVALID_CASES)('rejects $name, as zod does', async ({ value }) => {
    const validate = await committedValidator();
    expect(validate(asJson(value))).toBe(false);
    expect(validateBriefing({ value }).problems).not.toEqual([]);
  });

  it.each(ZOD_ONLY_INVALID_CASES)(
    'leaves $name to zod (documented as a zod-only rule)',
    async ({ value }) => {
      const validate = await committedValidator();
      expect(validate(asJson(value))).toBe(true);
      expect(validateBriefing({ value }).problems).not.toEqual([]);
    },
  );

  it('accepts generated records that zod accepts', async () => {
    const validate = await committedValidator();
    for (const record of generateBriefings({ count: 300, seed: 7 })) {
      expect(validate(asJson(record)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('accepts every seed record in seeds/briefings, read from YAML as another language would', async () => {
    const validate = await committedValidator();
    const { records, problems } = await loadBriefings({ dir: SEEDS_DIR });
    expect(problems).toEqual([]);
    // An empty or missing seed directory is a failure, not a vacuous pass.
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const text = await readFile(`${SEEDS_DIR}/${record.id}.yaml`, 'utf8');
      const value: unknown = parse(text, YAML_OPTIONS);
      expect(validate(value), `${record.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
