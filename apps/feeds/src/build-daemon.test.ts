import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Briefing } from '@briefing/schema';
import { makeBriefing } from '@briefing/schema/testing';
import { briefingToYaml } from '@briefing/schema/node';
import { buildFeeds } from '@briefing/feeds';
import { serveBuilds, type DaemonAnswer } from './build-daemon.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const CLI = ['--import', 'tsx', '--conditions=briefing-source', 'src/cli.ts'];
const SITE = 'https://briefing.example.org';
const temps: string[] = [];
const daemonLogs: string[] = [];

/** The pids of the daemons a log says were started. */
async function daemonPids(dir: string): Promise<number[]> {
  const pids: number[] = [];
  if (!existsSync(dir)) return pids;
  for (const name of (await readdir(dir)).filter((name) => name.endsWith('.log'))) {
    for (const match of (await readFile(join(dir, name), 'utf8')).matchAll(
      /build daemon (\d+) on/g,
    ))
      pids.push(Number(match[1]));
  }
  return pids;
}

afterEach(async () => {
  for (const dir of daemonLogs.splice(0)) {
    for (const pid of await daemonPids(dir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Stopped already.
      }
    }
  }
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A folder of records, and a private folder for the daemons of this test alone. */
async function setUp(records: Briefing[]) {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-feeds-daemon-'));
  temps.push(dir);
  const daemons = join(dir, 'daemons');
  daemonLogs.push(daemons);
  await mkdir(join(dir, 'data'));
  for (const record of records) {
    await writeFile(join(dir, 'data', `${record.id}.yaml`), briefingToYaml(record));
  }
  const options = ({ idleSeconds = 60 } = {}) => ({
    cwd: PACKAGE_DIR,
    env: {
      ...process.env,
      INIT_CWD: dir,
      BRIEFING_FEEDS_DAEMON_DIR: daemons,
      BRIEFING_FEEDS_DAEMON_IDLE: String(idleSeconds),
    },
  });
  const run = (args: string[], idle: { idleSeconds?: number } = {}) =>
    spawnSync(process.execPath, [...CLI, ...args], { ...options(idle), encoding: 'utf8' });
  /** The same, leaving this process's event loop running meanwhile. */
  const runAside = (args: string[]) =>
    new Promise<{ status: number | null; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, [...CLI, ...args], options());
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.stdout.resume();
      child.on('error', fail);
      child.on('close', (status) => done({ status, stderr }));
    });
  return { dir, daemons, run, runAside };
}

const BUILD = ['build', '--data', 'data', '--out', 'site', '--site-url', SITE, '--daemon'];

/** Every file of the output is the one buildFeeds makes of `records`. */
async function expectOutputOf(dir: string, records: Briefing[]) {
  const expected = buildFeeds({ records, siteUrl: SITE });
  for (const [path, file] of expected.files) {
    expect((await readFile(join(dir, 'site', path))).equals(Buffer.from(file.body)), path).toBe(
      true,
    );
  }
}

/** Ask the daemon on `socket` for a build (as a client does); every answer, in order. */
function askDaemon({ socket, argv, cwd }: { socket: string; argv: string[]; cwd: string }) {
  return new Promise<DaemonAnswer[]>((done, fail) => {
    const client = connect(socket);
    const answers: DaemonAnswer[] = [];
    client.on('error', fail);
    createInterface({ input: client }).on('line', (line) => {
      answers.push(JSON.parse(line) as DaemonAnswer);
    });
    client.on('close', () => done(answers));
    client.write(`${JSON.stringify({ argv, cwd })}\n`);
  });
}

async function until(done: () => boolean, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 50));
  }
}

// Each run starts node with tsx; the first starts the daemon too: seconds on a busy machine.
describe('briefing-feeds build --daemon', { timeout: 60_000 }, () => {
  it('writes what build writes, and the builds after an edit are served by the same daemon', async () => {
    const records = [
      makeBriefing({ id: 'first-talks' }),
      makeBriefing({ id: 'second-talks', title: 'Second round of talks' }),
    ];
    const { dir, daemons, run } = await setUp(records);
    const first = run(BUILD);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Wrote \d+ files for 2 records to site\n$/);
    await expectOutputOf(dir, records);

    const edited = [records[0]!, { ...records[1]!, title: 'Second round, corrected' }];
    await writeFile(join(dir, 'data/second-talks.yaml'), briefingToYaml(edited[1]!));
    const second = run(BUILD);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^Wrote \d+ files for 2 records to site \(\d+ unchanged/);
    await expectOutputOf(dir, edited);
    // More edits, each built at once: from the second on, the daemon reads only the files the
    // folder's events named (folder-changes.ts), and writes the same bytes. An addition and a
    // removal too.
    let current = edited;
    for (const [round, change] of ['retitle', 'add', 'retitle', 'remove'].entries()) {
      if (change === 'retitle') {
        current = [
          current[0]!,
          { ...current[1]!, title: `Second round, take ${round}` },
          ...current.slice(2),
        ];
        await writeFile(join(dir, 'data/second-talks.yaml'), briefingToYaml(current[1]!));
      } else if (change === 'add') {
        const added = makeBriefing({ id: 'third-talks', title: 'Third round of talks' });
        current = [...current, added];
        await writeFile(join(dir, 'data/third-talks.yaml'), briefingToYaml(added));
      } else {
        current = current.filter((record) => record.id !== 'third-talks');
        await rm(join(dir, 'data/third-talks.yaml'));
      }
      const built = run(BUILD);
      expect(built.stderr).toBe('');
      expect(built.status).toBe(0);
      await expectOutputOf(dir, current);
    }
    // One daemon, which ran every build.
    expect(await daemonPids(daemons)).toHaveLength(1);
    const log = (await readdir(daemons)).find((name) => name.endsWith('.log'))!;
    expect((await readFile(join(daemons, log), 'utf8')).match(/build exit 0/g)).toHaveLength(6);
  });

  it('stops on an invalid record (exit 1, the problem named, the output kept), then builds it fixed', async () => {
    const record = makeBriefing({ id: 'talks' });
    const { dir, run } = await setUp([record]);
    expect(run(BUILD).status).toBe(0);
    const before = await readFile(join(dir, 'site/feeds/all.atom'));
    await writeFile(
      join(dir, 'data/talks.yaml'),
      briefingToYaml(record).replace('https://mid.ru/en/foreign_policy/news/', 'javascript:x'),
    );
    const invalid = run(BUILD);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(
      /talks\.yaml:\d+ {2}sources\[0\]\.url: expected an http\(s\) URL/,
    );
    expect(invalid.stderr).toContain('previous output is unchanged');
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
    expect((await readFile(join(dir, 'site/feeds/all.atom'))).equals(before)).toBe(true);

    const fixed = { ...record, title: 'Talks, fixed' };
    await writeFile(join(dir, 'data/talks.yaml'), briefingToYaml(fixed));
    const again = run(BUILD);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    await expectOutputOf(dir, [fixed]);
  });

  it('starts another daemon when the last one was killed, and a daemon stops once unused', async () => {
    const record = makeBriefing({ id: 'talks' });
    const { dir, daemons, run } = await setUp([record]);
    expect(run(BUILD).status).toBe(0);
    const [killed] = await daemonPids(daemons);
    process.kill(killed!, 'SIGKILL');
    const fixed = { ...record, title: 'Talks, after the daemon died' };
    await writeFile(join(dir, 'data/talks.yaml'), briefingToYaml(fixed));
    // Its socket file is still there: the next build finds no one answering it.
    const again = run(BUILD, { idleSeconds: 1 });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    await expectOutputOf(dir, [fixed]);
    expect(await daemonPids(daemons)).toHaveLength(2);
    // The second was started with a one-second idle limit: it stops, and removes its socket.
    const sockets = () => readdirSync(daemons).filter((name) => name.endsWith('.sock'));
    expect(sockets()).toHaveLength(1);
    await until(() => sockets().length === 0, 'the unused daemon to stop');
  });

  it('starts another daemon when the one there stops just as it takes the build', async () => {
    const record = makeBriefing({ id: 'talks' });
    const { dir, daemons, run, runAside } = await setUp([record]);
    expect(run(BUILD).status).toBe(0);
    const [first] = await daemonPids(daemons);
    const socket = join(
      daemons,
      readdirSync(daemons).find((name) => name.endsWith('.sock'))!,
    );
    process.kill(first!, 'SIGKILL');
    await until(() => {
      try {
        process.kill(first!, 0);
        return false;
      } catch {
        return true;
      }
    }, 'the daemon to stop');
    // In its place, a listener that accepts the connection and, without reading the build asked
    // for, closes it and stops listening: as a daemon killed just after accepting. The client sees
    // the connection reset (which once crashed it, with a stack trace) or closed unanswered.
    await rm(socket, { force: true });
    const dying = createServer({ pauseOnConnect: true }, (connection) =>
      setTimeout(() => {
        dying.close();
        connection.destroy();
      }, 300),
    );
    await new Promise<void>((listening) => dying.listen(socket, listening));
    const fixed = { ...record, title: 'Talks, after the reset' };
    await writeFile(join(dir, 'data/talks.yaml'), briefingToYaml(fixed));
    const again = await runAside(BUILD);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    await expectOutputOf(dir, [fixed]);
    expect(await daemonPids(daemons)).toHaveLength(2);
  });

  it('runs only the builds of its first arguments: any other is refused, exit 2', async () => {
    const { dir } = await setUp([makeBriefing({ id: 'talks' })]);
    const socket = join(dir, 'test.sock');
    const daemon = await serveBuilds({ socket, idleMs: 60_000 });
    const ask = (argv: string[]) => askDaemon({ socket, argv, cwd: dir });
    try {
      const first = await ask([...BUILD]);
      expect(first.at(-1)).toEqual({ exit: 0 });
      const other = await ask([...BUILD.filter((arg) => arg !== 'site'), 'elsewhere']);
      expect(other).toEqual([
        { stderr: 'briefing-feeds: this build daemon serves other arguments\n' },
        { exit: 2 },
      ]);
      expect(existsSync(join(dir, 'elsewhere'))).toBe(false);
    } finally {
      await daemon.stop();
    }
    expect(existsSync(socket)).toBe(false);
  });

  it('writes the right files when a build waits behind another: the standby is then brought up to date by the build', async () => {
    const records = [
      makeBriefing({ id: 'first-talks' }),
      makeBriefing({ id: 'second-talks', title: 'Second round of talks' }),
    ];
    const { dir } = await setUp(records);
    const socket = join(dir, 'test.sock');
    const daemon = await serveBuilds({ socket, idleMs: 60_000 });
    const ask = () => askDaemon({ socket, argv: BUILD, cwd: dir });
    try {
      expect((await ask()).at(-1)).toEqual({ exit: 0 });
      const edited = [records[0]!, { ...records[1]!, title: 'Second round, corrected' }];
      await writeFile(join(dir, 'data/second-talks.yaml'), briefingToYaml(edited[1]!));
      // Asked for at once: the second waits for the first, which then leaves its standby as it
      // is (the files before the edit); the second build must write the edit into it again.
      const [first, second] = await Promise.all([ask(), ask()]);
      expect(first.at(-1)).toEqual({ exit: 0 });
      expect(second.at(-1)).toEqual({ exit: 0 });
      await expectOutputOf(dir, edited);
      // And the build after the next edit, from the standby the second build left.
      const again = [edited[0]!, { ...edited[1]!, title: 'Second round, final' }];
      await writeFile(join(dir, 'data/second-talks.yaml'), briefingToYaml(again[1]!));
      expect((await ask()).at(-1)).toEqual({ exit: 0 });
      await expectOutputOf(dir, again);
    } finally {
      await daemon.stop();
    }
  });

  it.each([
    [['serve', '--daemon'], /--daemon is for build without --watch/],
    [['build', '--out', 'site', '--watch', '--daemon'], /--daemon is for build without --watch/],
  ])('refuses %j with a usage message and exit 2, starting no daemon', async (args, message) => {
    const { daemons, run } = await setUp([]);
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(daemons)).toBe(false);
  });
});
