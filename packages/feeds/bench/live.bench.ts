// `pnpm bench:live`: the live feeds over a real store at 1,000 and 10,000 synthetic records
// (BENCH_SIZES=1000,10000,100000 for more): every document rendered once (what `build` does),
// against `feed` alone rendering the same items once (the baseline of the other bench too,
// renderWithFeedAlone), also in pairs timed in alternation; one edit and the documents it touches
// rendered again; memory.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir, loadavg, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { briefingToYaml } from '@briefing/schema/node';
import { generateBriefings } from '@briefing/schema/testing';
import type { Briefing } from '@briefing/schema';
import { openStore, silentLogger, type Store } from '@briefing/store';
import { createLiveFeeds, type LiveFeeds } from '../src/live-feeds.js';
import { renderAtomEntries } from '../src/atom1.js';
import { renderJsonItems } from '../src/json-feed.js';
import { scopePages } from '../src/feed-page.js';
import { renderRssItems } from '../src/rss2.js';
import { compareItems, toFeedItem } from '../src/to-feed-item.js';
import { renderWithFeedAlone } from '../src/test-support/feed-alone.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const SITE = 'https://briefing.example.org/';
// One pair moves with the machine's load (±20 % from one run to the next here): pairs of a full
// render and feed alone, one after the other, give a ratio both halves of which saw the same load.
const RATIO_PAIRS = Number(process.env.BENCH_RATIO_PAIRS ?? 5);

function rssMiB(): { now: number; peak: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const read = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
  return { now: read('VmRSS'), peak: read('VmHWM') };
}

function cpu<T>(run: () => T): { result: T; ms: number; cpuMs: number } {
  const before = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const used = process.cpuUsage(before);
  return { result, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** Live feeds over the store, every item kept as `briefing-feeds build` keeps them. */
function liveFeeds(store: Store): Promise<LiveFeeds> {
  // A server's budget would make the documents render again the items it let go.
  return createLiveFeeds({ store, siteUrl: SITE, maxItemBytes: Infinity });
}

/**
 * Everything `build` renders: every item in every format once, then every document's bytes (as
 * the parts `build` writes with writev, or the body) and ETag, on one snapshot of the store (as
 * `build` reads it, live.batch). Returns the bytes and the documents.
 */
function renderEveryDocument(live: LiveFeeds): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  live.batch(() => {
    live.warm();
    for (const path of live.paths()) {
      const file = live.file(path)!;
      for (const part of file.parts?.() ?? [file.body]) bytes += part.byteLength;
      void file.etag;
      files += 1;
    }
  });
  return { bytes, files };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function writeRecords(dir: string, records: readonly Briefing[]) {
  await mkdir(dir, { recursive: true });
  // A batch at a time: 100,000 files at once would exhaust the file descriptors.
  for (let start = 0; start < records.length; start += 500) {
    await Promise.all(
      records
        .slice(start, start + 500)
        .map((record) => writeFile(join(dir, `${record.id}.yaml`), briefingToYaml(record))),
    );
  }
}

console.log(
  `Live feeds over @briefing/store (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs)`,
);
for (const size of SIZES) {
  const root = join(tmpdir(), `briefing-feeds-live-bench-${process.pid}-${size}`);
  const dir = join(root, 'data');
  const records = generateBriefings({ count: size });
  await writeRecords(dir, records);
  // A first store build, then the warm start every later process makes.
  (await openStore({ dir, cacheDir: join(root, 'cache'), logger: silentLogger })).close();
  const memoryBefore = rssMiB().now;
  const store = await openStore({ dir, cacheDir: join(root, 'cache'), logger: silentLogger });
  // The same items rendered by `feed` alone, once: one all-briefings document per format, the
  // item model made beforehand (renderWithFeedAlone, as the other bench).
  const items = records.map((record) => toFeedItem({ record, siteUrl: SITE })).sort(compareItems);
  // Pairs first, each full render on live feeds of its own (their keys loaded untimed), closed
  // before the next: as in `build`, no other rendered feeds in memory.
  const pairs: { full: number; alone: number; fullCpu: number; aloneCpu: number }[] = [];
  for (let pair = 0; pair < RATIO_PAIRS; pair++) {
    const fresh = await liveFeeds(store);
    const pairAlone = cpu(() => renderWithFeedAlone({ items, siteUrl: SITE }));
    const pairFull = cpu(() => renderEveryDocument(fresh));
    fresh.close();
    pairs.push({
      full: pairFull.ms,
      alone: pairAlone.ms,
      fullCpu: pairFull.cpuMs,
      aloneCpu: pairAlone.cpuMs,
    });
  }
  const startKeys = performance.now();
  const live = await liveFeeds(store);
  const keysMs = performance.now() - startKeys;
  const first = cpu(() => live.file('/feeds/all.atom')!.body.byteLength);

  const full = cpu(() => renderEveryDocument(live));
  const { bytes, files } = full.result;
  // And once more beside the live feeds the rest of this bench uses.
  const alone = cpu(() => renderWithFeedAlone({ items, siteUrl: SITE }));
  // The floor of our own item rendering: RSS and Atom fragments through feed, JSON items.
  const [page] = scopePages({
    scope: { kind: 'all' },
    items: [],
    siteUrl: SITE,
    pageSize: 50,
    emptyUpdated: new Date(0),
  });
  const fragments = cpu(() => {
    renderRssItems({ items, page: page! });
    renderAtomEntries({ items, page: page! });
    renderJsonItems({ items });
  });

  // One edit: the touched documents rendered again, the others kept.
  const target = records[Math.floor(size / 2)]!;
  await writeFile(
    join(dir, `${target.id}.yaml`),
    briefingToYaml({ ...target, title: `${target.title} (edited)` }),
  );
  const applied = new Promise<number>((done) =>
    live.onUpdate(({ dropped }) => done(dropped.length)),
  );
  const syncStart = performance.now();
  await store.sync({ names: [`${target.id}.yaml`] });
  const dropped = await applied;
  const syncMs = performance.now() - syncStart;
  const again = cpu(() => {
    for (const path of live.paths()) void live.file(path)!.etag;
  });
  const memory = rssMiB();

  console.log(
    `\n${size.toLocaleString('en')} records: ${files} documents, ${(bytes / 2 ** 20).toFixed(0)} MiB`,
  );
  console.log(
    `  ordering keys loaded from the store: ${keysMs.toFixed(0)} ms; first /feeds/all.atom: ${first.ms.toFixed(1)} ms`,
  );
  console.log(
    `  every document rendered once: ${full.ms.toFixed(0)} ms wall, ${full.cpuMs.toFixed(0)} ms CPU`,
  );
  console.log(
    `  feed alone, every item once as RSS, Atom and JSON (one document each): ${alone.ms.toFixed(0)} ms wall, ` +
      `${alone.cpuMs.toFixed(0)} ms CPU → ratio ${(full.ms / alone.ms).toFixed(2)} wall, ` +
      `${(full.cpuMs / alone.cpuMs).toFixed(2)} CPU of both threads (target ≤ 1.2; before: 2.26)`,
  );
  const wallRatios = pairs.map((pair) => pair.full / pair.alone);
  const cpuRatios = pairs.map((pair) => pair.fullCpu / pair.aloneCpu);
  console.log(
    `  the same in ${pairs.length} pairs timed in alternation: wall ` +
      `${wallRatios.map((ratio) => ratio.toFixed(2)).join(' / ')}, median ${median(wallRatios).toFixed(2)} ` +
      `(target ≤ 1.2); CPU of both threads, median ${median(cpuRatios).toFixed(2)}; every document ÷ feed alone: ` +
      `${pairs.map((pair) => `${pair.full.toFixed(0)} ÷ ${pair.alone.toFixed(0)} ms`).join(', ')}`,
  );
  console.log(
    `  our item fragments alone (RSS + Atom through feed, JSON): ${fragments.cpuMs.toFixed(0)} ms CPU` +
      ` → every document / fragments ${(full.cpuMs / fragments.cpuMs).toFixed(2)}`,
  );
  console.log(
    `  one edit: store update ${syncMs.toFixed(0)} ms, ${dropped} documents dropped, every document again ${again.ms.toFixed(0)} ms`,
  );
  console.log(
    `  memory: RSS ${memory.now.toFixed(0)} MiB (peak ${memory.peak.toFixed(0)}; ${memoryBefore.toFixed(0)} before opening the store)`,
  );
  live.close();
  await store.close();
  await rm(root, { recursive: true, force: true });
}
