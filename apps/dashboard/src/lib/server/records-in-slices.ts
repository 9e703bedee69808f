// Every record of the index in memory, read a slice at a time: at 10,000 records, reading and
// cleaning them in one go held the event loop for a third of a second after each start (and
// for seconds at 100,000), while the first requests waited.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Briefing } from '@briefing/schema';
import { cleanRecord } from '@briefing/present';
import type { Store } from '@briefing/store';

/** Longest the reading goes on before letting requests in, in ms. */
const SLICE_MS = 8;

/**
 * Every record, cleaned as pages show them (cleanRecord), from one snapshot of the index
 * (`iterate` reads in its own transaction, so updates meanwhile do not mix in).
 */
export async function readRecordsInSlices(index: Store): Promise<Briefing[]> {
  const records: Briefing[] = [];
  let sliceStart = performance.now();
  for (const record of index.iterate()) {
    records.push(cleanRecord(record));
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return records;
}
