// Which entries of the data folder may have changed since the index was last written, from
// their metadata alone (nothing is read). A store that starts with an index answers from it at
// once and asks this of a worker thread, so that its own thread stays free for requests. (Only
// names come back: at 100,000 records, receiving the writer's whole state would hold the event
// loop for a second; the store reads it in slices instead.)
import { readdirSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { callInWorker } from './call-in-worker.js';
import { readFileStates, readProblemFiles } from './file-states.js';
import type { FileState } from './index-writer.js';
import { classifyEntry, mayHaveChanged } from './scan.js';
import { TimeSlicer } from './time-slicer.js';

export interface ChangedEntriesInput {
  indexPath: string;
  /** The data folder, absolute, and its real path. */
  dir: string;
  realDir: string;
}

/**
 * The names an update must look at: files that are new or whose metadata changed, entries
 * that went away, and every entry that is not a plain record file (they are cheap to look at).
 */
export async function changedEntries({
  indexPath,
  dir,
  realDir,
}: ChangedEntriesInput): Promise<string[]> {
  const db = new DatabaseSync(indexPath, { readOnly: true, timeout: 5000 });
  let known: Map<string, FileState>;
  let entryNames: Set<string>;
  try {
    // Nothing else runs on this thread: no pauses.
    known = await readFileStates({ db, slicer: new TimeSlicer(Infinity) });
    entryNames = readProblemFiles({ db, kind: 'entry' });
  } finally {
    db.close();
  }
  const changed: string[] = [];
  const names = new Set([...readdirSync(dir), ...known.keys(), ...entryNames]);
  for (const name of names) {
    let entry;
    try {
      entry = classifyEntry({ dir, realDir, name });
    } catch {
      changed.push(name);
      continue;
    }
    if (entry.kind === 'ignored' && !known.has(name)) continue;
    if (entry.kind !== 'file') {
      changed.push(name);
      continue;
    }
    if (mayHaveChanged({ known: known.get(name), stat: entry.stat })) changed.push(name);
  }
  return changed.sort();
}

/** changedEntries in a worker thread; undefined when no worker can run here. */
export function changedEntriesInWorker(input: ChangedEntriesInput): Promise<string[] | undefined> {
  return callInWorker<ChangedEntriesInput, string[]>({
    module: './changed-entries.js',
    name: 'changedEntries',
    input,
  });
}
