// Synthetic records for benchmarks: `generateBriefings` (also exported from @briefing/schema/testing)
// and a writer that puts them in a directory as <id>.yaml files.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Briefing } from '../src/briefing.js';
import { briefingToYaml } from '../src/node/write-yaml.js';

export { generateBriefings } from '../src/test-support/generate-briefings.js';

/** Writes each record to `<dir>/<id>.yaml`, a bounded number at a time; resolves to the bytes written. */
export async function writeBriefingFiles({
  dir,
  records,
  concurrency = 64,
}: {
  dir: string;
  records: readonly Briefing[];
  concurrency?: number;
}): Promise<number> {
  let bytes = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < records.length) {
        const record = records[next++]!;
        const text = briefingToYaml(record);
        bytes += Buffer.byteLength(text);
        await writeFile(join(dir, `${record.id}.yaml`), text);
      }
    }),
  );
  return bytes;
}
