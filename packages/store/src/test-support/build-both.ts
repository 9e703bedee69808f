// Run by first-build.test.ts (through tsx, where workers can load these sources): builds the
// index of a folder with a worker thread checking files and without, and writes what each holds.
import { writeFileSync } from 'node:fs';
import { silentLogger } from '../logger.js';
import { openStore } from '../store.js';

const [dir, workerCache, mainCache, out] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const results = [];
for (const [cacheDir, useWorkers] of [
  [workerCache, true],
  [mainCache, false],
] as const) {
  const store = await openStore({ dir, cacheDir, logger: silentLogger, useWorkers });
  results.push({
    parsedInWorker: store.status().lastSync?.stats.parsedInWorker,
    records: store.all(),
    byTitle: store.all({ sort: { by: 'title' } }).map((record) => record.id),
    problems: store.problems(),
    facets: store.list().facets,
    search: store.search({ text: 'Лавров' }).hits.map((hit) => hit.record.id),
  });
  await store.close();
}
writeFileSync(out, JSON.stringify(results));
