// `pnpm bench`: load + validate 1,000 / 10,000 / 100,000 synthetic records from YAML files,
// each run in a fresh process; prints wall and CPU time, peak RSS and heap. Targets at 10,000:
// ≤ 1 s, ≤ 300 MiB. Every load is cold: every file read, parsed and checked, by the built
// package (turbo builds it first), as users and the apps run it.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateBriefings, writeBriefingFiles } from './generate.js';

const run = promisify(execFile);
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const child = fileURLToPath(new URL('./load-child.ts', import.meta.url));
const partsChild = fileURLToPath(new URL('./parts-child.ts', import.meta.url));
const PARTS = ['read', 'parse', 'validate'] as const;
const PART_NAMES = {
  read: 'reading the files',
  parse: 'js-yaml parsing them',
  validate: 'the zod schema checking the parsed values',
} as const;
// Children run on this process's Node, through tsx's loader.
const tsx = [process.execPath, '--import', 'tsx'] as const;

interface Measure {
  records: number;
  cores: number;
  problems: number;
  elapsedMs: number;
  cpuMs: number;
  baselineRssMiB: number;
  peakRssMiB: number;
  heapUsedMiB: number;
}

async function measure({ dir }: { dir: string }): Promise<Measure> {
  // No briefing-source condition: the child loads the built package.
  const args = [child, dir];
  const { stdout } = await run(tsx[0], [...tsx.slice(1), ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as Measure;
}

/** One part of the load alone (see parts-child.ts), in its own fresh process. */
async function measurePart({ dir, part }: { dir: string; part: (typeof PARTS)[number] }) {
  const { stdout } = await run(tsx[0], [...tsx.slice(1), partsChild, dir, part], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as { ms: number; cpuMs: number };
}

function row({ count, bytes, m }: { count: number; bytes: number; m: Measure }) {
  return [
    String(count).padStart(7),
    `${(bytes / 2 ** 20).toFixed(1).padStart(6)} MiB`,
    `${(m.elapsedMs / 1000).toFixed(2).padStart(6)} s (CPU ${(m.cpuMs / 1000).toFixed(2).padStart(6)} s)`,
    `${((m.elapsedMs * 1000) / count).toFixed(0).padStart(5)} µs/record`,
    `peak RSS ${m.peakRssMiB.toFixed(0).padStart(4)} MiB (process at start ${m.baselineRssMiB.toFixed(0)})`,
    `heap ${m.heapUsedMiB.toFixed(0).padStart(4)} MiB`,
  ].join('  ');
}

const rows: string[] = [];
const measures: Measure[] = [];
const partRows: string[] = [];
for (const count of sizes) {
  const dir = await mkdtemp(join(tmpdir(), `briefing-bench-${count}-`));
  try {
    const records = generateBriefings({ count, seed: 42 });
    const bytes = await writeBriefingFiles({ dir, records });
    const m = await measure({ dir });
    if (m.records !== count || m.problems !== 0) {
      throw new Error(
        `expected ${count} valid records, got ${m.records} and ${m.problems} problems`,
      );
    }
    measures.push(m);
    rows.push(row({ count, bytes, m }));
    process.stdout.write(`${rows.at(-1)}\n`);
    if (count === 10_000) {
      for (const part of PARTS) {
        const { ms, cpuMs } = await measurePart({ dir, part });
        partRows.push(
          `  ${PART_NAMES[part].padEnd(42)} ${(ms / 1000).toFixed(2).padStart(5)} s (CPU ${(cpuMs / 1000).toFixed(2)} s)`,
        );
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
process.stdout.write(
  [
    '',
    `load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} on this machine while measuring`,
    `Cold load on ${measures[0]?.cores ?? '?'} cores (targets at 10,000: ≤ 1 s, ≤ 300 MiB):`,
    'records     YAML        load+validate (CPU time)   per record       memory',
    ...rows,
    ...(partRows.length === 0
      ? []
      : [
          'The parts of the 10,000-record load, each alone and cold in its own process:',
          ...partRows,
        ]),
    '',
  ].join('\n'),
);
