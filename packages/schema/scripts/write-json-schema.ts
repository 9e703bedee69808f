// Writes schema/briefing.schema.json from the zod schema: `pnpm --filter @briefing/schema schema:write`.
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { briefingJsonSchema } from '../src/json-schema.js';
import { writeFileAtomic } from '@briefing/repo';

export const JSON_SCHEMA_PATH = fileURLToPath(
  new URL('../schema/briefing.schema.json', import.meta.url),
);

/** The committed file's contents, formatted as the repository's prettier check expects. */
export async function jsonSchemaText(): Promise<string> {
  const options = (await resolveConfig(JSON_SCHEMA_PATH)) ?? {};
  return format(JSON.stringify(briefingJsonSchema()), { ...options, parser: 'json' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFileAtomic({ path: JSON_SCHEMA_PATH, contents: await jsonSchemaText() });
  process.stdout.write(`wrote ${JSON_SCHEMA_PATH}\n`);
}
