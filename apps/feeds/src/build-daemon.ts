// The build daemon: a background process that runs `build --daemon` for its clients, keeping
// the index and the rendered items between builds. A new process must look at every record and
// load the whole state to know what one edit touched (about 1 s at 10,000 records); the daemon
// already holds it, so a build after an edit only looks at the files' metadata and writes what
// changed. One daemon serves one set of build arguments (see daemon-socket.ts).
//
// Protocol, one JSON object a line: the client sends { argv, cwd }; the daemon answers with
// { stdout } and { stderr } texts, then { exit } (the build's exit code), or { restart } when its
// code is no longer the code on disk (it stops; the client starts a new one).
import { createServer, type Socket } from 'node:net';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { codeSnapshot } from './code-snapshot.js';
import { runCommand, type BuildSession } from './command.js';

export interface BuildRequest {
  argv: string[];
  cwd: string;
}

export type DaemonAnswer =
  { stdout: string } | { stderr: string } | { exit: number } | { restart: true };

/**
 * Listen on `socket` and run the builds asked for there, one at a time, until none has been
 * asked for in `idleMs` or the code changes (or `stop` is called). Resolves once listening;
 * `stopped` once stopped.
 */
export async function serveBuilds({
  socket: socketPath,
  idleMs,
}: {
  socket: string;
  idleMs: number;
}): Promise<{ stopped: Promise<void>; stop: () => Promise<void> }> {
  const session: BuildSession = {};
  const code = codeSnapshot();
  // The arguments and folder of its first build: its index and feeds are theirs.
  let serves: string | undefined;
  let queue = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  let markStopped: () => void = () => {};
  const stopped = new Promise<void>((done) => (markStopped = done));
  let stopping = false;

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearTimeout(idle);
    server.close();
    rmSync(socketPath, { force: true });
    // After the build under way, if any: its client gets its answer.
    await queue;
    await session.settling;
    session.feeds?.live.close();
    await session.feeds?.store.close();
    markStopped();
  };
  const waitForNext = () => {
    clearTimeout(idle);
    idle = setTimeout(() => void stop(), idleMs);
  };

  const serve = async (request: BuildRequest, client: Socket) => {
    const send = (answer: DaemonAnswer) => {
      if (!client.destroyed) client.write(`${JSON.stringify(answer)}\n`);
    };
    if (codeSnapshot() !== code) {
      send({ restart: true });
      client.end();
      void stop();
      return;
    }
    const asked = JSON.stringify([request.argv, request.cwd]);
    serves ??= asked;
    if (asked !== serves) {
      send({ stderr: 'briefing-feeds: this build daemon serves other arguments\n' });
      send({ exit: 2 });
      client.end();
      return;
    }
    const started = performance.now();
    const exit = await runCommand(
      request.argv,
      {
        cwd: request.cwd,
        stdout: (text) => send({ stdout: text }),
        stderr: (text) => send({ stderr: text }),
      },
      { session },
    );
    send({ exit });
    client.end();
    // With what the daemon holds (before the last build's caches are cut back): a daemon is
    // meant to keep no more than a server.
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    const { rss, heapUsed } = process.memoryUsage();
    process.stderr.write(
      `${new Date().toISOString()} build exit ${exit} in ${(performance.now() - started).toFixed(0)} ms (heap ${mib(heapUsed)}, RSS ${mib(rss)})\n`,
    );
    waitForNext();
  };

  const server = createServer((client) => {
    // A client that went away mid-build: its build still finishes; nothing to tell it.
    client.on('error', () => {});
    const lines = createInterface({ input: client });
    lines.once('line', (line) => {
      lines.close();
      let request: BuildRequest;
      try {
        request = JSON.parse(line) as BuildRequest;
      } catch {
        client.destroy();
        return;
      }
      if (stopping) {
        client.write(`${JSON.stringify({ restart: true } satisfies DaemonAnswer)}\n`);
        client.end();
        return;
      }
      clearTimeout(idle);
      queue = queue
        .then(() => serve(request, client))
        .catch((error: unknown) => {
          process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
          client.destroy();
        });
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(socketPath, () => done());
  });
  waitForNext();
  return { stopped, stop };
}
