// Run by parse-pool.test.ts (through tsx, where the worker can load these sources): checks
// every file of a folder in a worker thread and on the main thread, and writes both results.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, type CheckRequest } from '../check-file.js';
import { ParsePool } from '../parse-pool.js';

// (The fixture's cache folder, second, goes unused: nothing here opens a store.)
const [dir, , out] = process.argv.slice(2) as [string, string, string];
const options = { maxBytes: 256 * 1024, documentsRoot: dir };
const requests: CheckRequest[] = readdirSync(dir)
  .sort()
  .map((name) => ({ name, path: join(dir, name), file: `data/${name}`, reparse: false }));
const pool = await ParsePool.start(options);
if (pool === undefined) throw new Error('the worker did not start');
const inWorker = [];
for await (const result of pool.check(requests)) inWorker.push(result);
await pool.close();
const onMain = [];
for (const request of requests) onMain.push(await checkFile(request, options));
writeFileSync(
  out,
  JSON.stringify({ inWorker, onMain }, (_key, value) =>
    typeof value === 'bigint' ? String(value) : value,
  ),
);
