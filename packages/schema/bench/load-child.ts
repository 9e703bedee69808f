// One measured load in a fresh process, so that peak RSS belongs to this run alone. It loads
// the built package, as users and the apps run it.
import { availableParallelism } from 'node:os';
import { loadBriefings } from '@briefing/schema/node';

const [dir] = process.argv.slice(2) as [string];
const before = process.memoryUsage();
const started = performance.now();
const cpuBefore = process.cpuUsage();
const { records, problems } = await loadBriefings({ dir });
const elapsedMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    records: records.length,
    problems: problems.length,
    elapsedMs,
    cores: availableParallelism(),
    // CPU time the load used: on a shared machine, wall time also counts waiting for a core.
    cpuMs: (cpu.user + cpu.system) / 1000,
    baselineRssMiB: before.rss / 2 ** 20,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    heapUsedMiB: after.heapUsed / 2 ** 20,
  }),
);
