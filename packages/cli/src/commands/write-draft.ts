import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Briefing } from '@briefing/schema';
import { briefingToYaml, parseBriefingYaml } from '@briefing/schema/node';
import { writeNewFileAtomic } from './write-new-file.js';

/** The draft as written (its id may have a suffix), and whether it was written or already there. */
export interface DraftWrite {
  written: boolean;
  record: Briefing;
  file: string;
}

/** Where a source can be read: its URL, else its document. */
const whereOf = (record: Briefing) =>
  new Set(record.sources.map((source) => source.url ?? source.document));

/**
 * Writes a draft as `<id>.yaml` in `dir`, never over an existing file. A file of that name drawn
 * from the same article (it cites the same source) is this draft already: nothing is written.
 * One drawn from another article is another engagement with the same people and month: the
 * draft is written under the next free id (`<id>-2`, `<id>-3`…) rather than lost.
 */
export async function writeDraft({
  dir,
  record,
}: {
  dir: string;
  record: Briefing;
}): Promise<DraftWrite> {
  const sources = whereOf(record);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? record : { ...record, id: `${record.id}-${n}` };
    const file = join(dir, `${candidate.id}.yaml`);
    if (await writeNewFileAtomic({ path: file, contents: briefingToYaml(candidate) })) {
      return { written: true, record: candidate, file };
    }
    if (await citesOneOf({ file, sources })) return { written: false, record: candidate, file };
  }
}

/** Whether the record in a file cites one of these sources (for a file edited into invalid YAML, whether its text names one). */
async function citesOneOf({ file, sources }: { file: string; sources: Set<string | undefined> }) {
  const text = await readFile(file, 'utf8');
  const existing = parseBriefingYaml({ text }).record;
  if (existing !== undefined) return [...whereOf(existing)].some((where) => sources.has(where));
  return [...sources].some((where) => where !== undefined && text.includes(where));
}
