// The least any new process must do to bring an output up to date after one edit, without
// opening the index or rendering or writing anything: start Node, look at every record file's
// metadata (the only way a process that was not running can tell which one changed), and load
// what reads and checks a record (the YAML parser and the schema, @briefing/schema/node, as
// built). The bench runs it as its own process and times it from start to exit, beside
// `build --out`.
//
// Plain JavaScript, run by `node` itself: TypeScript would add its loader to the floor.
//
// Usage: node bench/new-process-floor.js <data folder>
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [data] = process.argv.slice(2);
if (data === undefined) {
  console.error('usage: node bench/new-process-floor.js <data folder>');
  process.exit(2);
}

let records = 0;
for (const name of readdirSync(data)) {
  if (name.endsWith('.yaml') && lstatSync(join(data, name), { bigint: true }).isFile()) records++;
}
const start = performance.now();
await import('@briefing/schema/node');
const loadMs = performance.now() - start;
console.log(
  `${records} record files looked at, the record reader and schema loaded in ${loadMs.toFixed(0)} ms`,
);
