// Where a build daemon listens: one Unix socket per set of build arguments, in a folder only
// this user can enter. Loaded by every `build --daemon` client: node built-ins only.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';

/** The daemons' folder: $BRIEFING_FEEDS_DAEMON_DIR, else briefing-feeds-<uid> in the temp folder. */
export function daemonDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.BRIEFING_FEEDS_DAEMON_DIR || join(tmpdir(), `briefing-feeds-${process.getuid?.()}`);
}

/**
 * Make the daemons' folder if need be, and check that it is a real folder of this user that no
 * one else can enter (a socket there is a way to make this user's daemon write files). The
 * problem, if any.
 */
export function privateFolderProblem(dir: string): string | undefined {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return (error as Error).message;
  }
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) return `${dir} is not a folder`;
  if (process.getuid !== undefined && stat.uid !== process.getuid()) {
    return `${dir} belongs to another user`;
  }
  if ((stat.mode & 0o077) !== 0) return `${dir} is open to other users`;
  return undefined;
}

/**
 * The socket (and log) of the daemon for these build arguments, run from `cwd` by this Node and
 * this code: builds that differ in any of them never share a daemon.
 */
export function daemonPaths({
  argv,
  cwd,
  dir = daemonDir(),
}: {
  argv: readonly string[];
  cwd: string;
  dir?: string;
}): { socket: string; log: string } {
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        argv,
        cwd,
        node: process.execPath,
        flags: process.execArgv,
        code: import.meta.url,
      }),
    )
    .digest('hex')
    .slice(0, 24);
  return { socket: join(dir, `${key}.sock`), log: join(dir, `${key}.log`) };
}

/** A connection to the daemon on `path`, or undefined if none listens there. */
export function connectTo(path: string): Promise<Socket | undefined> {
  return new Promise((done) => {
    const socket = connect(path);
    socket.once('connect', () => done(socket));
    socket.once('error', () => done(undefined));
  });
}
