// One measure in a fresh process (run by store.bench.ts), so that memory and start-up time
// belong to this run alone. Prints one line of JSON.
// It runs the built packages (dist/), as the apps do: Node runs this file itself.
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { briefingToYaml, parseBriefingYaml } from '@briefing/schema/node';
import { openStore, silentLogger, watchStore, type Store } from '@briefing/store';

const [mode, dir, cacheDir, countText] = process.argv.slice(2) as [
  'open' | 'open-main' | 'open-background' | 'edits',
  string,
  string,
  string,
];
const count = Number(countText);

/** The longest the event loop went without running a timer due every millisecond. */
function stallProbe() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    reset() {
      histogram.reset();
      longest = 0;
      last = performance.now();
    },
    stop() {
      clearInterval(timer);
      histogram.disable();
      return { probeMs: longest, histogramMaxMs: histogram.max / 1e6 };
    },
  };
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function timeQueries(store: Store) {
  // Distinct queries, so none is answered from the per-version cache.
  const words = [
    'talks',
    'visit',
    'delegation',
    'cooperation',
    'treaty',
    'exchange',
    'commission',
    'bridge',
    'railway',
    'culture',
  ];
  const themes = [
    'diplomacy',
    'defense',
    'space',
    'science-technology',
    'trade-energy',
    'culture-education',
    'regional-security',
  ] as const;
  const time = (run: (i: number) => unknown, n: number) => {
    const times: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const started = performance.now();
      run(i);
      times.push(performance.now() - started);
    }
    return {
      medianMs: percentile(times, 50),
      p99Ms: percentile(times, 99),
      maxMs: Math.max(...times),
    };
  };
  return {
    textList: time(
      (i) =>
        store.list({
          query: {
            text: `${words[i % 10]} ${words[(i * 3 + 1) % 10]}`,
            from: `20${String(i % 30).padStart(2, '0')}-01-01`,
          },
        }),
      60,
    ),
    filteredList: time(
      (i) =>
        store.list({
          query: {
            themes: [themes[i % 7]!],
            text: words[i % 10]!,
            status: i % 2 ? ['occurred'] : undefined,
          },
        }),
      60,
    ),
    cachedList: time(() => store.list({ query: { themes: ['space'], text: 'talks' } }), 60),
    search: time(
      (i) =>
        store.search({
          text: `${words[i % 10]!.slice(0, 3 + (i % 4))} ${i % 3 === 0 ? 'Лавров' : 'kim'}`,
        }),
      60,
    ),
    get: time((i) => store.get(`synthetic-${String(i).padStart(6, '0')}`), 200),
  };
}

if (mode === 'open-background') {
  // What the dashboard does: answer at once from the index, a worker checking the folder.
  const probe = stallProbe();
  const started = performance.now();
  const store = await openStore({ dir, cacheDir, logger: silentLogger, checkInBackground: true });
  store.list({ query: { themes: ['space'], text: 'talks' } });
  const readyMs = performance.now() - started;
  const upToDate = await store.upToDate;
  const upToDateMs = performance.now() - started;
  const stall = probe.stop();
  await store.close();
  process.stdout.write(
    JSON.stringify({ readyMs, upToDateMs, entries: upToDate?.stats.entries ?? 0, stall }),
  );
} else if (mode === 'open' || mode === 'open-main') {
  const probe = stallProbe();
  const cpu = process.cpuUsage();
  const mainCpu = process.threadCpuUsage();
  const started = performance.now();
  const store = await openStore({
    dir,
    cacheDir,
    logger: silentLogger,
    useWorkers: mode === 'open',
  });
  const first = store.list({ query: { themes: ['space'], text: 'talks' } });
  const readyMs = performance.now() - started;
  const stall = probe.stop();
  if (store.status().records !== count)
    throw new Error(`expected ${count} records, got ${store.status().records}`);
  const result = {
    readyMs,
    stats: store.status().lastSync?.stats,
    sinceProcessStartMs: performance.now(),
    cpuMs: cpuMs(cpu),
    mainThreadCpuMs: (() => {
      const used = process.threadCpuUsage(mainCpu);
      return (used.user + used.system) / 1000;
    })(),
    stall,
    firstAnswerTotal: first.total,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  const exportStarted = performance.now();
  await store.exportSqlite(join(cacheDir, 'export.sqlite'));
  await store.close();
  process.stdout.write(JSON.stringify({ ...result, exportMs: performance.now() - exportStarted }));
} else {
  const store = await openStore({ dir, cacheDir, logger: silentLogger });
  const watcher = watchStore({ store });
  const records = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .slice(0, 30)
    .map((name) => parseBriefingYaml({ text: readFileSync(join(dir, name), 'utf8') }).record!);
  const probe = stallProbe();
  const editTimes: number[] = [];
  for (const [i, record] of records.entries()) {
    const title = `Edited title ${i} ${Date.now()}`;
    const visible = new Promise<void>((resolve) => {
      const stop = store.onChange(() => {
        if (store.get(record.id)?.title === title) {
          stop();
          resolve();
        }
      });
    });
    const started = performance.now();
    await writeFile(join(dir, `${record.id}.yaml`), briefingToYaml({ ...record, title }));
    await visible;
    editTimes.push(performance.now() - started);
    // As a person edits: one save, then a pause.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const stall = probe.stop();
  const queries = timeQueries(store);
  await watcher.close();
  await store.close();
  process.stdout.write(
    JSON.stringify({
      edits: editTimes.length,
      editMedianMs: percentile(editTimes, 50),
      editMaxMs: Math.max(...editTimes),
      stall,
      queries,
      rssMiB: process.memoryUsage().rss / 2 ** 20,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}
