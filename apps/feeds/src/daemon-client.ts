// `briefing-feeds build --daemon`: hand the build to the daemon for these arguments (starting it
// if none runs) and relay what it says. Whenever the daemon cannot answer, the build runs in this
// process instead, so the command never fails for the daemon's sake.
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BuildRequest, DaemonAnswer } from './build-daemon.js';
import { connectTo, daemonDir, daemonPaths, privateFolderProblem } from './daemon-socket.js';

// A daemon loads the command's modules before it listens: seconds on a busy machine.
const START_TIMEOUT_MS = 30_000;

/** Start a daemon on `socket`, detached from this process, writing to `log`. */
async function startDaemon({
  socket,
  log,
}: {
  socket: string;
  log: string;
}): Promise<ChildProcess> {
  // Loaded only here: a client whose daemon runs does without it (~9 ms of its ~70).
  const { spawn } = await import('node:child_process');
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const entry = fileURLToPath(new URL(`./daemon-main.${extension}`, import.meta.url));
  const output = openSync(log, 'a', 0o600);
  try {
    // Node's flags but a small young generation, which suits a one-shot build (see the README)
    // and made each of the daemon's builds some 100 ms slower, collecting more often.
    const flags = process.execArgv.filter((flag) => !flag.startsWith('--max-semi-space-size'));
    const daemon = spawn(process.execPath, [...flags, entry, socket], {
      detached: true,
      stdio: ['ignore', output, output],
    });
    daemon.unref();
    return daemon;
  } finally {
    closeSync(output);
  }
}

/** A connection to a daemon started for `paths`, or undefined if it stopped or never listened. */
async function startedDaemon(paths: { socket: string; log: string }): Promise<Socket | undefined> {
  const daemon = await startDaemon(paths);
  const deadline = performance.now() + START_TIMEOUT_MS;
  // A daemon that stopped at once (another one was starting: it serves) is not waited for.
  const failed = () => daemon.signalCode !== null || (daemon.exitCode ?? 0) !== 0;
  while (performance.now() < deadline && !failed()) {
    const socket = await connectTo(paths.socket);
    if (socket !== undefined) return socket;
    await new Promise((done) => setTimeout(done, 20));
  }
  return undefined;
}

/**
 * Send the build to the daemon on `socket` and relay its answers: the exit code, 'restart' if
 * the daemon's code is stale, 'gone' if the connection ended before any answer (a daemon killed
 * just as it accepted it: another can run the build), or undefined if the daemon went away
 * during the build.
 */
function ask(
  socket: Socket,
  request: BuildRequest,
): Promise<number | 'restart' | 'gone' | undefined> {
  return new Promise((done) => {
    let result: number | 'restart' | undefined;
    let answered = false;
    // A connection reset is an end like any other (the readline interface passes it on too).
    socket.on('error', () => {});
    socket.once('close', () => done(answered ? result : 'gone'));
    const lines = createInterface({ input: socket });
    lines.on('error', () => {});
    lines.on('line', (line) => {
      answered = true;
      let answer: DaemonAnswer;
      try {
        answer = JSON.parse(line) as DaemonAnswer;
      } catch {
        // Not the daemon's: as if it had gone away (the build then runs here).
        socket.destroy();
        return;
      }
      if ('stdout' in answer) process.stdout.write(answer.stdout);
      else if ('stderr' in answer) process.stderr.write(answer.stderr);
      else if ('exit' in answer) result = answer.exit;
      else result = 'restart';
    });
    socket.write(`${JSON.stringify(request)}\n`);
  });
}

/** The build in this process, after telling why the daemon did not run it. */
async function buildHere(argv: string[], cwd: string, why: string): Promise<number> {
  process.stderr.write(`briefing-feeds: ${why}; building in this process\n`);
  const { runInThisProcess } = await import('./command.js');
  return runInThisProcess({ argv: argv.filter((arg) => arg !== '--daemon'), cwd });
}

/** Run `briefing-feeds <argv>` (a build with --daemon) through the daemon; the exit code. */
export async function buildThroughDaemon({
  argv,
  cwd,
}: {
  argv: string[];
  cwd: string;
}): Promise<number> {
  // Anything but a plain build is a mistake the command itself explains.
  if (argv[0] !== 'build' || argv.includes('--watch') || argv.includes('--help')) {
    const { runInThisProcess } = await import('./command.js');
    return runInThisProcess({ argv, cwd });
  }
  // A Unix socket is the daemon's address.
  if (process.platform === 'win32') {
    return buildHere(argv, cwd, '--daemon is not available on Windows');
  }
  const dir = daemonDir();
  const problem = privateFolderProblem(dir);
  if (problem !== undefined) return buildHere(argv, cwd, `no build daemon (${problem})`);
  const paths = daemonPaths({ argv, cwd, dir });
  // A second attempt after a restart or a daemon gone before answering; a third if that one
  // went too.
  for (let attempt = 0; attempt < 3; attempt++) {
    const socket = (await connectTo(paths.socket)) ?? (await startedDaemon(paths));
    if (socket === undefined) {
      return buildHere(argv, cwd, `the build daemon did not start (its log: ${paths.log})`);
    }
    const result = await ask(socket, { argv, cwd });
    if (typeof result === 'number') return result;
    if (result === undefined) {
      return buildHere(argv, cwd, `the build daemon stopped unexpectedly (its log: ${paths.log})`);
    }
    // 'restart': the daemon had other code, and has stopped; the next one loads this code.
    // 'gone': the daemon there stopped before answering; the next attempt starts another.
  }
  return buildHere(argv, cwd, `the build daemon did not answer (its log: ${paths.log})`);
}
