import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { generateBriefings, makeBriefing } from '@briefing/schema/testing';
import { briefingToYaml } from '@briefing/schema/node';
import { buildFeeds, type FeedSet } from '@briefing/feeds';
import { get, loadSeeds } from '@briefing/feeds/testing';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const CLI = ['--import', 'tsx', '--conditions=briefing-source', 'src/cli.ts'];
const temps: string[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-feeds-cli-'));
  temps.push(dir);
  return dir;
}

function run(args: string[], { cwd }: { cwd: string }) {
  return spawnSync(process.execPath, [...CLI, ...args], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, INIT_CWD: cwd },
    encoding: 'utf8',
  });
}

async function writeRecords(dir: string, records: ReturnType<typeof makeBriefing>[]) {
  await mkdir(dir, { recursive: true });
  for (const record of records)
    await writeFile(join(dir, `${record.id}.yaml`), briefingToYaml(record));
}

// Each run starts node with tsx and loads the records: seconds on a busy machine.
describe('briefing-feeds build', { timeout: 30_000 }, () => {
  it('writes every feed of the seed records under <out>/feeds, paths relative to INIT_CWD', async () => {
    const dir = await tempDir();
    const result = run(['build', '--out', 'site', '--site-url', 'https://briefing.example.org'], {
      cwd: dir,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote \d+ files for \d+ records to site\n$/);
    const expected = buildFeeds({
      records: await loadSeeds(),
      siteUrl: 'https://briefing.example.org',
    });
    for (const [path, file] of expected.files) {
      expect((await readFile(join(dir, 'site', path))).equals(Buffer.from(file.body)), path).toBe(
        true,
      );
    }
  });

  it('stops on invalid records with every problem listed, exit 1, the old output untouched', async () => {
    const dir = await tempDir();
    await writeRecords(join(dir, 'data'), [makeBriefing()]);
    expect(run(['build', '--data', 'data', '--out', 'out'], { cwd: dir }).status).toBe(0);
    const before = await readFile(join(dir, 'out/feeds/all.atom'));
    await writeFile(
      join(dir, 'data/bad-record.yaml'),
      briefingToYaml(makeBriefing({ id: 'bad-record' })).replace(
        'https://mid.ru/en/foreign_policy/news/',
        'javascript:alert(1)',
      ),
    );
    await writeFile(join(dir, 'data/worse.yaml'), 'id: worse\ntitle: ""\n');
    const result = run(['build', '--data', 'data', '--out', 'out'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /bad-record\.yaml:\d+ {2}sources\[0\]\.url: expected an http\(s\) URL, got "javascript:alert\(1\)"/,
    );
    expect(result.stderr).toContain('worse.yaml');
    expect(result.stderr).toContain('previous output is unchanged');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect((await readFile(join(dir, 'out/feeds/all.atom'))).equals(before)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['.cache', '.out.builds', 'data', 'out']);
  });

  it('replaces the previous output as a whole', async () => {
    const dir = await tempDir();
    await writeRecords(join(dir, 'data'), [makeBriefing()]);
    await mkdir(join(dir, 'out/feeds'), { recursive: true });
    await writeFile(join(dir, 'out/feeds/stale.rss'), 'old');
    expect(run(['build', '--data', 'data', '--out', 'out'], { cwd: dir }).status).toBe(0);
    expect((await readdir(join(dir, 'out/feeds'))).includes('stale.rss')).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(['.cache', '.out.builds', 'data', 'out']);
  });

  it.each([
    [['build'], /build needs --out/],
    [
      ['build', '--out', 'x', '--site-url', 'ftp://x'],
      /--site-url: site URL must be an absolute http\(s\) URL/,
    ],
    [
      ['build', '--out', 'x', '--site-url', 'https://example.org/sub/path'],
      /--site-url: site URL must be the site's origin alone, such as https:\/\/example.org/,
    ],
    [
      ['build', '--out', 'x', '--page-size', '0'],
      /--page-size must be a positive integer, got "0"/,
    ],
    [['publish'], /unknown command "publish"/],
    [
      ['build', '--out', 'x', '--hub', 'javascript:alert(1)'],
      /--hub must be an absolute http\(s\) URL/,
    ],
    [['build', '--colour'], /Unknown option '--colour'/],
  ])('rejects %j with a usage message and exit 2', async (args, message) => {
    const result = run(args, { cwd: await tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ['--out', '/proc/briefing-nowhere/site'],
    ['--cache-dir', '/proc/briefing-nowhere/cache'],
  ])('fails in one line, at once, on a %s it cannot make (under /proc)', async (flag, path) => {
    const dir = await tempDir();
    const args = ['build', '--out', 'site', '--cache-dir', 'cache', flag, path];
    // Node's recursive mkdir never returned there: the build spun at full CPU for good.
    const result = spawnSync(process.execPath, [...CLI, ...args], {
      cwd: PACKAGE_DIR,
      env: { ...process.env, INIT_CWD: dir },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "briefing-feeds: ENOENT: no such file or directory, mkdir '/proc/briefing-nowhere'\n",
    );
  });

  it('describes every flag in --help', () => {
    const result = run(['--help'], { cwd: PACKAGE_DIR });
    expect(result.status).toBe(0);
    for (const flag of [
      '--data',
      '--out',
      '--site-url',
      '--page-size',
      '--hub',
      '--port',
      '--host',
      '--watch',
      '--daemon',
      '--cache-dir',
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });
});

/** Every file under a folder (following the output's link), by path below it. */
async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length), await readFile(path));
  }
  return files;
}

function sameOutput(files: Map<string, Buffer>, feeds: FeedSet): boolean {
  if (files.size !== feeds.files.size) return false;
  for (const [path, file] of feeds.files) {
    if (!files.get(path)?.equals(Buffer.from(file.body))) return false;
  }
  return true;
}

describe('briefing-feeds build into an earlier output', { timeout: 120_000 }, () => {
  const SITE = 'https://briefing.example.org';
  const build = (dir: string) =>
    run(['build', '--data', 'data', '--out', 'out', '--site-url', SITE, '--page-size', '2'], {
      cwd: dir,
    });

  it('rewrites only the files whose bytes changed; the others keep their mtime', async () => {
    const dir = await tempDir();
    const records = generateBriefings({ count: 20 });
    await writeRecords(join(dir, 'data'), records);
    expect(build(dir).status).toBe(0);
    const untouched = join(dir, 'out/feeds/archive/all/1.atom');
    const before = await stat(untouched);
    const edited = { ...records.at(-1)!, title: 'Edited between builds' };
    await writeRecords(join(dir, 'data'), [edited]);
    const result = build(dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^Wrote \d+ files for 20 records to out \(\d+ unchanged, \d+ of them rendered\)\n$/,
    );
    expect((await stat(untouched)).mtimeMs).toBe(before.mtimeMs);
    expect(
      sameOutput(
        await filesUnder(join(dir, 'out')),
        buildFeeds({
          records: records.map((record) => (record.id === edited.id ? edited : record)),
          siteUrl: SITE,
          pageSize: 2,
        }),
      ),
    ).toBe(true);
  });

  it('with --watch, rewrites the output after each edit', async () => {
    const dir = await tempDir();
    const records = generateBriefings({ count: 5 });
    await writeRecords(join(dir, 'data'), records);
    const child = spawn(
      process.execPath,
      [...CLI, 'build', '--data', 'data', '--out', 'out', '--site-url', SITE, '--watch'],
      { cwd: PACKAGE_DIR, env: { ...process.env, INIT_CWD: dir } },
    );
    children.push(child);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 600 && !check(); i++) await new Promise((done) => setTimeout(done, 50));
      expect(check()).toBe(true);
    };
    await until(() => stdout.includes('Wrote'));
    await writeRecords(join(dir, 'data'), [{ ...records[0]!, title: 'Edited while watching' }]);
    await until(() => stdout.includes('Updated'));
    expect(await readFile(join(dir, 'out/feeds/all.atom'), 'utf8')).toContain(
      'Edited while watching',
    );
  });

  it.each([
    ['into a new folder (the first build since)', 1],
    ['into the standby (the build the current one replaced)', 2],
  ])(
    'killed (SIGKILL) in the middle of a build %s, leaves the old or the new output whole; the next build cleans up',
    async (_, buildsBefore) => {
      const dir = await tempDir();
      const records = generateBriefings({ count: 300 });
      await writeRecords(join(dir, 'data'), records);
      for (let n = 0; n < buildsBefore; n++) expect(build(dir).status).toBe(0);
      const builds = join(dir, '.out.builds');
      const first = new Set(await readdir(builds));
      // Every record edited: every file changes, so the build is killed while it writes them.
      const edited = records.map((record) => ({ ...record, title: `${record.title} (edited)` }));
      await writeRecords(join(dir, 'data'), edited);
      const child = spawn(
        process.execPath,
        [...CLI, 'build', '--data', 'data', '--out', 'out', '--site-url', SITE, '--page-size', '2'],
        { cwd: PACKAGE_DIR, env: { ...process.env, INIT_CWD: dir }, stdio: 'ignore' },
      );
      children.push(child);
      const exited = new Promise((done) => child.once('exit', done));
      // Killed as soon as its new build folder appears, while files are being written into it.
      for (let i = 0; i < 6000; i++) {
        const entries = await readdir(builds);
        if (entries.some((entry) => !first.has(entry) && !entry.endsWith('.json'))) break;
        await new Promise((done) => setTimeout(done, 5));
      }
      child.kill('SIGKILL');
      await exited;
      // It was stopped before its swap: its half-written build is still there. The standby, if
      // there was one, is what it was writing into: gone under its old name.
      const now = await readdir(builds);
      const left = now.filter((entry) => !first.has(entry));
      expect(left.length).toBeGreaterThan(0);
      const taken = [...first].filter((entry) => !entry.includes('.') && !now.includes(entry));
      expect(taken).toHaveLength(buildsBefore - 1);
      const output = await filesUnder(join(dir, 'out'));
      const old = buildFeeds({ records, siteUrl: SITE, pageSize: 2 });
      const next = buildFeeds({ records: edited, siteUrl: SITE, pageSize: 2 });
      expect(sameOutput(output, old) || sameOutput(output, next)).toBe(true);

      const again = build(dir);
      expect(again.status).toBe(0);
      expect(sameOutput(await filesUnder(join(dir, 'out')), next)).toBe(true);
      // The new build and the one it replaced (the next one's standby), each with its
      // manifest, its files' extra text (item layouts) and the records' keys; no temporary link or
      // folder, nothing the killed build left.
      const generations = (await readdir(builds)).filter((entry) => !entry.includes('.'));
      expect(generations).toHaveLength(2);
      expect((await readdir(builds)).sort()).toEqual(
        generations
          .flatMap((generation) =>
            ['', '.extra.txt', '.keys.json', '.manifest.json'].map((end) => `${generation}${end}`),
          )
          .sort(),
      );
      expect((await readdir(dir)).sort()).toEqual(['.cache', '.out.builds', 'data', 'out']);
    },
  );
});

/** `briefing-feeds serve` on a free port, once it listens; its output so far stays readable. */
async function startServe({ dir, args = [] }: { dir: string; args?: string[] }) {
  const child = spawn(
    process.execPath,
    [...CLI, 'serve', '--data', 'data', '--port', '0', ...args],
    {
      cwd: PACKAGE_DIR,
      env: { ...process.env, INIT_CWD: dir },
    },
  );
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const until = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 300 && !check(); i++) await new Promise((done) => setTimeout(done, 50));
    if (!check()) {
      throw new Error(
        `timed out waiting for ${what}; stdout: ${output.stdout}; stderr: ${output.stderr}`,
      );
    }
  };
  await until(
    () => /http:\/\/127\.0\.0\.1:\d+\/feeds\//.test(output.stdout),
    'the server to listen',
  );
  const base = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output.stdout)![1]!;
  return { child, base, output, until };
}

describe('briefing-feeds serve --watch', () => {
  it('serves the feeds, rebuilds on a change, and keeps the last good feeds on invalid input', async () => {
    const dir = await tempDir();
    await writeRecords(join(dir, 'data'), [makeBriefing()]);
    const { base, output, until } = await startServe({ dir, args: ['--watch'] });
    const first = await get(`${base}/feeds/all.json`);
    expect(JSON.parse(first.body.toString()).items.map((i: { title: string }) => i.title)).toEqual([
      'Lavrov visits Pyongyang',
    ]);
    // Without --site-url the feeds link to this server's port, not a fixed default.
    const port = new URL(base).port;
    expect(JSON.parse(first.body.toString()).feed_url).toBe(
      `http://localhost:${port}/feeds/all.json`,
    );

    await writeRecords(join(dir, 'data'), [
      makeBriefing({ id: 'added', title: 'Added while serving' }),
    ]);
    await until(() => output.stdout.includes('Updated 1 record(s)'), 'an update');
    const second = await get(`${base}/feeds/all.json`);
    expect(JSON.parse(second.body.toString()).items).toHaveLength(2);
    expect(JSON.parse(second.body.toString()).feed_url).toBe(
      `http://localhost:${port}/feeds/all.json`,
    );

    await writeFile(join(dir, 'data/broken.yaml'), 'id: broken\n');
    await until(() => output.stderr.includes('broken.yaml'), 'the invalid record to be reported');
    const third = await get(`${base}/feeds/all.json`);
    expect(third.body.equals(second.body)).toBe(true);
  }, 30_000);

  it('after a restart, a reader polling with If-Modified-Since gets a same-day edit', async () => {
    const dir = await tempDir();
    await writeRecords(join(dir, 'data'), [makeBriefing()]);
    const before = await startServe({ dir });
    const first = await get(`${before.base}/feeds/all.atom`);
    const lastModified = first.headers['last-modified'] as string;
    before.child.kill();
    // Edited on the day of its last revision: the record's dates do not move.
    await writeRecords(join(dir, 'data'), [
      makeBriefing({ title: 'Lavrov visits Pyongyang again' }),
    ]);
    // HTTP dates have whole seconds: start again in a later one.
    await new Promise((done) => setTimeout(done, 1100));
    const after = await startServe({ dir });
    const polled = await get(`${after.base}/feeds/all.atom`, {
      headers: { 'if-modified-since': lastModified },
    });
    expect(polled.status).toBe(200);
    expect(polled.body.toString()).toContain('Lavrov visits Pyongyang again');
    const again = await get(`${after.base}/feeds/all.atom`, {
      headers: { 'if-modified-since': polled.headers['last-modified'] as string },
    });
    expect(again.status).toBe(304);
  }, 30_000);
});
