// Run by parse-pool.test.ts (through tsx, where the worker can load these sources): checks
// every file of a folder in a worker thread, in it and on the main thread sharing the chunks,
// and on the main thread alone, and writes the results.
import { writeFileSync } from 'node:fs';
import { checkFile } from '../check-file.js';
import { poolOnFolder } from './pool-on-folder.js';

// (The fixture's cache folder, second, goes unused: nothing here opens a store.)
const [dir, , out] = process.argv.slice(2) as [string, string, string];
const { requests, options, pool } = await poolOnFolder(dir);
const inWorker = [];
for await (const result of pool.check(requests)) inWorker.push(result);
// The worker with this thread checking a share of the chunks itself.
const shared = [];
const checkedHere: string[] = [];
const here = (request: (typeof requests)[number]) => {
  checkedHere.push(request.name);
  return checkFile(request, options);
};
for await (const result of pool.check(requests, here)) shared.push(result);
await pool.close();
const onMain = [];
for (const request of requests) onMain.push(await checkFile(request, options));
writeFileSync(
  out,
  JSON.stringify({ inWorker, shared, checkedHere, onMain }, (_key, value) =>
    typeof value === 'bigint' ? String(value) : value,
  ),
);
