// Run by parse-pool.test.ts (through tsx, with --expose-gc): checks every file of a folder in a
// worker thread, and writes whether the results already read could be collected while the rest
// were still coming (a WeakRef to the first result, looked at after the last one).
import { writeFileSync } from 'node:fs';
import { poolOnFolder } from './pool-on-folder.js';

const [dir, , out] = process.argv.slice(2) as [string, string, string];
const { requests, pool } = await poolOnFolder(dir);
let first: WeakRef<object> | undefined;
let read = 0;
let firstCollected = false;
for await (const result of pool.check(requests)) {
  first ??= new WeakRef(result);
  read += 1;
  if (read === requests.length) {
    // The generator is still running: whatever it keeps of earlier chunks is still reachable.
    (globalThis as { gc?: () => void }).gc!();
    firstCollected = first.deref() === undefined;
  }
}
await pool.close();
writeFileSync(out, JSON.stringify({ read, firstCollected }));
