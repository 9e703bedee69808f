// One part of a load on its own, cold in a fresh process, to show what each library costs:
// `read` reads every file, `parse` also parses each with js-yaml (the fast path's parser), and
// `validate` also checks each parsed value with the zod schema. Only the named part is timed.
// (js-yaml's core schema keeps dates as text, as the loader does.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { Briefing } from '@briefing/schema';

const [dir, part] = process.argv.slice(2) as [string, 'read' | 'parse' | 'validate'];

function timed<T>(run: () => T): { result: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const names = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
const read = timed(() => names.map((name) => readFileSync(join(dir, name), 'utf8')));
const parse =
  part === 'read'
    ? read
    : timed(() => read.result.map((text) => load(text, { schema: CORE_SCHEMA })));
const validate =
  part === 'validate'
    ? timed(() => parse.result.filter((value) => Briefing.safeParse(value).success).length)
    : undefined;
if (validate !== undefined && validate.result !== names.length) {
  throw new Error(`expected ${names.length} valid records, got ${validate.result}`);
}
const measured = validate ?? parse;
process.stdout.write(JSON.stringify({ ms: measured.ms, cpuMs: measured.cpuMs }));
