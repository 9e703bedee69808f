// The least any new process must do to bring an output up to date after one edit, without
// reading a record, the index or a feed: start Node, look at every record file's metadata (the
// only way a process that was not running can tell which one changed), and make a new generation
// of the output in which every file is a link (how `out` is swapped in whole), then remove it (as
// a build removes the generation it replaced). The bench runs it
// as its own process and times it from start to exit, beside `build --out`.
//
// Plain JavaScript, run by `node` itself: TypeScript would add its loader to the floor.
//
// Usage: node bench/new-process-floor.js <data folder> <output folder (a link to its generation)>
import { linkSync, lstatSync, mkdirSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [data, out] = process.argv.slice(2);
if (data === undefined || out === undefined) {
  console.error('usage: node bench/new-process-floor.js <data folder> <output folder>');
  process.exit(2);
}

let records = 0;
for (const name of readdirSync(data)) {
  if (name.endsWith('.yaml') && lstatSync(join(data, name), { bigint: true }).isFile()) records++;
}

const generation = realpathSync(out);
const copy = `${generation}.floor-${process.pid}`;
const made = new Set();
let files = 0;
for (const entry of readdirSync(generation, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(copy, from.slice(generation.length));
  if (!made.has(dirname(to))) {
    mkdirSync(dirname(to), { recursive: true });
    made.add(dirname(to));
  }
  linkSync(from, to);
  files++;
}
rmSync(copy, { recursive: true, force: true });
console.log(`${records} record files looked at, ${files} files linked`);
