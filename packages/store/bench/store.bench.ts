// `pnpm bench`: the store at 1,000 / 10,000 / 100,000 synthetic records (BENCH_SIZES to choose),
// each measure in a fresh process: a cold build (no index yet), a warm open (index up to date),
// edits seen through a watcher, query latencies, memory. Targets at 10,000: warm ≤ 1 s, cold
// ≤ 3 s, an edit visible ≤ 300 ms, longest event-loop stall while editing ≤ 100 ms; 100,000:
// cold ≤ 20 s.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { briefingToYaml } from '@briefing/schema/node';
import { generateBriefings } from '@briefing/schema/testing';

const run = promisify(execFile);
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const child = fileURLToPath(new URL('./measure-child.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

async function measure(
  mode: 'open' | 'open-main' | 'open-background' | 'edits',
  dir: string,
  cacheDir: string,
  count: number,
) {
  // Node runs the child's TypeScript itself; the child imports the built packages.
  const { stdout } = await run(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', child, mode, dir, cacheDir, String(count)],
    { cwd: packageDir, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as Record<string, any>;
}

async function writeRecords(dir: string, count: number): Promise<number> {
  const records = generateBriefings({ count, seed: 42 });
  let bytes = 0;
  for (let i = 0; i < records.length; i += 256) {
    await Promise.all(
      records.slice(i, i + 256).map((record) => {
        const text = briefingToYaml(record);
        bytes += Buffer.byteLength(text);
        const path = join(dir, `${record.id}.yaml`);
        // Written an hour ago, as records in a clone are: a file changed within two seconds of
        // being indexed is read again at the next start (its mtime may hide a second write).
        const anHourAgo = new Date(Date.now() - 3_600_000);
        return writeFile(path, text).then(() => utimes(path, anHourAgo, anHourAgo));
      }),
    );
  }
  return bytes;
}

const ms = (value: number) =>
  `${value >= 1000 ? (value / 1000).toFixed(2) + ' s' : value.toFixed(0) + ' ms'}`;
const out = (line = '') => process.stdout.write(`${line}\n`);

out(
  `@briefing/store bench on ${availableParallelism()} cores, Node ${process.version} (built packages)`,
);
for (const count of sizes) {
  const root = await mkdtemp(join(tmpdir(), `briefing-store-bench-${count}-`));
  try {
    const dir = join(root, 'data');
    const cacheDir = join(root, 'cache');
    await mkdir(dir);
    const bytes = await writeRecords(dir, count);
    const load = () => `load ${loadavg()[0]!.toFixed(1)}`;
    out();
    out(`${count.toLocaleString('en')} records (${(bytes / 2 ** 20).toFixed(1)} MiB of YAML)`);
    const cold = await measure('open', dir, cacheDir, count);
    const threads = (m: Record<string, any>) => {
      const { cpuMs } = m.stats;
      return `built on the main thread: CPU ${ms(cpuMs.update)}${cpuMs.checks > 0 ? `, ${ms(cpuMs.checks)} in a worker checking ${m.stats.parsedInWorker} files` : ''}`;
    };
    out(
      `  cold build (no index)      ${ms(cold.readyMs).padStart(8)}  process CPU ${ms(cold.cpuMs)}; longest event-loop stall ${ms(cold.stall.probeMs)}; peak RSS ${cold.peakRssMiB.toFixed(0)} MiB  (${load()})`,
    );
    out(`                               ${threads(cold)}`);
    if (count <= 10_000) {
      await rm(cacheDir, { recursive: true, force: true });
      const main = await measure('open-main', dir, cacheDir, count);
      out(
        `  same, without workers      ${ms(main.readyMs).padStart(8)}  process CPU ${ms(main.cpuMs)}; longest event-loop stall ${ms(main.stall.probeMs)}  (${load()})`,
      );
    }
    const warm = await measure('open', dir, cacheDir, count);
    out(
      `  warm open (index current)  ${ms(warm.readyMs).padStart(8)}  CPU ${ms(warm.cpuMs)}; ${ms(warm.sinceProcessStartMs)} from process start; longest stall ${ms(warm.stall.probeMs)}; RSS ${warm.rssMiB.toFixed(0)} MiB  (${load()})`,
    );
    out(`  export as SQLite file      ${ms(warm.exportMs).padStart(8)}  (in a worker thread)`);
    const background = await measure('open-background', dir, cacheDir, count);
    out(
      `  warm open, checkInBackground ${ms(background.readyMs).padStart(6)}  to a first answer; up to date after ${ms(background.upToDateMs)} (${background.entries} entries looked at again); longest stall ${ms(background.stall.probeMs)}  (${load()})`,
    );
    const edits = await measure('edits', dir, cacheDir, count);
    out(
      `  edit → visible in queries  ${ms(edits.editMedianMs).padStart(8)}  median of ${edits.edits}, max ${ms(edits.editMaxMs)}; longest event-loop stall while editing ${ms(edits.stall.probeMs)} (histogram max ${ms(edits.stall.histogramMaxMs)})  (${load()})`,
    );
    const q = edits.queries;
    const row = (name: string, m: { medianMs: number; p99Ms: number; maxMs: number }) =>
      out(
        `  ${name.padEnd(26)} ${m.medianMs.toFixed(2).padStart(8)} ms median, p99 ${m.p99Ms.toFixed(2)} ms, max ${m.maxMs.toFixed(2)} ms`,
      );
    row('list, text filter', q.textList);
    row('list, theme+text filter', q.filteredList);
    row('list, same query again', q.cachedList);
    row('search (ranked, FTS)', q.search);
    row('get by id', q.get);
    out(
      `  RSS after edits and queries ${edits.rssMiB.toFixed(0)} MiB (peak ${edits.peakRssMiB.toFixed(0)} MiB)`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
out();
out(
  `load average now ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} (other processes on this machine slow every figure)`,
);
