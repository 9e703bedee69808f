// After an edit, the pages drawn from every record (the overview, the network, a theme, the
// actors and places) make their data again: a new snapshot, then what each derives from it, tens
// of ms apiece at 10,000 records. Made one after the other in one turn of the event loop, they
// held every other request for their sum (150–250 ms); each in a turn of its own, requests are
// answered between them.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** `make()`, run in a turn of the event loop of its own: nothing else of the caller's with it. */
export async function inOwnTurn<T>(make: () => T): Promise<T> {
  await nextTurn();
  const value = make();
  await nextTurn();
  return value;
}
