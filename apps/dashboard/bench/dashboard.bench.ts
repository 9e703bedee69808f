// `pnpm bench`: server render time with 10,000 synthetic records, JavaScript shipped per page,
// and Lighthouse scores on the seed records. Prints figures against the targets; exits 0 either
// way (targets are reported, not asserted: timing on a shared machine is not a test).
// `pnpm bench -- --only lighthouse` (or render, javascript; comma-separated) runs only those parts.
import { briefingToYaml } from '@briefing/schema/node';
import { generateBriefings, makeTempDir, writeFiles } from '@briefing/schema/testing';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { launchChromium, CHROMIUM_PATH, assertChromium } from '../tests/browser/chromium.js';
import {
  SERVER_ENTRY,
  freePort,
  startServer,
  type RunningServer,
} from '../tests/browser/server.js';

const RECORDS = 10_000;
const REQUESTS = 40;
const LIGHTHOUSE_RUNS = 5;
const PAGES = ['/', '/briefings'];
/** The pages Lighthouse scores: the list and overview, an actor's page and the network view. */
const SCORED_PAGES = [...PAGES, '/actors/sergei-lavrov', '/network'];
const PARTS = ['render', 'javascript', 'lighthouse'] as const;
const onlyAt = process.argv.indexOf('--only');
const only = new Set(onlyAt === -1 ? PARTS : (process.argv[onlyAt + 1] ?? '').split(','));
for (const part of only) {
  if (!(PARTS as readonly string[]).includes(part)) {
    console.error(`--only: expected some of ${PARTS.join(', ')}, got "${part}"`);
    process.exit(1);
  }
}
const packageDir = fileURLToPath(new URL('..', import.meta.url));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

async function timeRequests(
  url: string,
): Promise<{ first: number; median: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let first = 0;
  let bytes = 0;
  for (let index = 0; index < REQUESTS + 5; index += 1) {
    const start = performance.now();
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    const elapsed = performance.now() - start;
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    bytes = body.byteLength;
    if (index === 0) first = elapsed;
    if (index >= 5) times.push(elapsed); // the first requests warm the JIT and caches
  }
  return { first, median: median(times), p95: percentile(times, 95), bytes };
}

async function renderTimes(): Promise<void> {
  const temp = await makeTempDir('dashboard-bench-');
  try {
    const records = generateBriefings({ count: RECORDS, seed: 7 });
    await writeFiles({
      dir: temp.dir,
      files: Object.fromEntries(records.map((r) => [`${r.id}.yaml`, briefingToYaml(r)])),
    });
    const started = performance.now();
    const server = await startServer({ env: { BRIEFING_DATA: temp.dir }, timeoutMs: 300_000 });
    const startup = performance.now() - started;
    try {
      console.log(`\nServer render time, ${RECORDS} synthetic records (${REQUESTS} requests each)`);
      console.log(`  startup (load, validate, build feeds): ${(startup / 1000).toFixed(1)} s`);
      console.log(
        '  ("first" renders the page; / and other pages without a query are then served from the page cache)',
      );
      for (const path of [...PAGES, '/briefings?theme=space&q=talks', '/briefings?page=150']) {
        const { first, median: m, p95, bytes } = await timeRequests(`${server.url}${path}`);
        console.log(
          `  ${path.padEnd(32)} first ${first.toFixed(0).padStart(5)} ms  median ${m.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  ${(bytes / 1024).toFixed(0).padStart(5)} KB HTML  ${verdict(m <= 50)} (≤ 50 ms)`,
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    await temp.remove();
  }
}

async function javascriptPerPage(server: RunningServer): Promise<void> {
  const browser = await launchChromium();
  try {
    console.log('\nJavaScript shipped per page (seed records; every script the page loads)');
    for (const path of [
      ...SCORED_PAGES,
      '/briefings/lavrov-pyongyang-2023-10',
      '/themes/space',
      '/feeds',
    ]) {
      const page = await browser.newPage();
      const bodies: Promise<Buffer>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') bodies.push(response.body());
      });
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      const scripts = await Promise.all(bodies);
      const sum = (f: (b: Buffer) => number) => scripts.reduce((total, b) => total + f(b), 0);
      const gzip = sum((b) => gzipSync(b, { level: 9 }).length);
      const brotli = sum((b) => brotliCompressSync(b).length);
      console.log(
        `  ${path.padEnd(36)} ${String(scripts.length).padStart(2)} files  ${(sum((b) => b.length) / 1024).toFixed(1).padStart(6)} KB raw  ${(gzip / 1024).toFixed(1).padStart(5)} KB gzip  ${(brotli / 1024).toFixed(1).padStart(5)} KB brotli  ${verdict(gzip <= 100 * 1024)} (≤ 100 KB)`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

/** Chromium with a DevTools port for Lighthouse, flags as TOOLCHAIN.md prescribes. */
async function launchForLighthouse(): Promise<{ port: number; stop: () => void }> {
  assertChromium();
  const port = await freePort();
  const child = spawn(
    CHROMIUM_PATH,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${fileURLToPath(new URL(`../test-output/lighthouse-profile-${port}`, import.meta.url))}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${seen}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('DevTools listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { port, stop: () => child.kill('SIGTERM') };
}

async function lighthouseScores(server: RunningServer): Promise<void> {
  const chrome = await launchForLighthouse();
  const audit = (path: string) =>
    lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
  try {
    console.log(
      `\nLighthouse (seed records, default mobile profile with simulated throttling; median of ${LIGHTHOUSE_RUNS} runs after one unscored run)`,
    );
    for (const path of SCORED_PAGES) {
      // One unscored run first: the server's first render of a page and Chromium's first visit
      // to the origin are not what a reader meets.
      await audit(path);
      const performanceScores: number[] = [];
      const accessibilityScores: number[] = [];
      let failedRuns = 0;
      for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
        const result = await audit(path);
        const lhr = result!.lhr;
        if (lhr.runtimeError !== undefined) {
          // Trace recording fails now and then on a busy machine (NO_NAVSTART): run again, a few times.
          failedRuns += 1;
          console.log(`      run ${run + 1} failed (${lhr.runtimeError.code}); running again`);
          if (failedRuns > 3) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
          run -= 1;
          continue;
        }
        performanceScores.push(Math.round((lhr.categories.performance?.score ?? 0) * 100));
        accessibilityScores.push(Math.round((lhr.categories.accessibility?.score ?? 0) * 100));
        const failing = Object.values(lhr.audits).filter(
          (audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary',
        );
        for (const audit of failing)
          console.log(`      run ${run + 1} failing: ${audit.id} — ${audit.title}`);
      }
      const performanceScore = median(performanceScores);
      const accessibility = median(accessibilityScores);
      console.log(
        `  ${path.padEnd(22)} performance ${String(performanceScore).padStart(3)} [${performanceScores.join(', ')}] (${verdict(performanceScore >= 95)} ≥ 95)  accessibility ${String(accessibility).padStart(3)} (${verdict(accessibility === 100)} = 100)`,
      );
    }
  } finally {
    chrome.stop();
  }
}

if (!existsSync(SERVER_ENTRY)) {
  console.log('No build yet: running vite build first.');
  const build = spawnSync(
    process.execPath,
    [
      join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js'),
      'build',
    ],
    { cwd: packageDir, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(
  `Machine: ${availableParallelism()} cores, load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')} (figures are wall-clock times on this machine, shared with other work)`,
);
if (only.has('render')) await renderTimes();
const seedServer = await startServer();
try {
  if (only.has('javascript')) await javascriptPerPage(seedServer);
  if (only.has('lighthouse')) await lighthouseScores(seedServer);
} finally {
  await seedServer.stop();
}
