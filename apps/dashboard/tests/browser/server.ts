import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** What `pnpm start` runs: the built server, with the headers of static files. */
export const SERVER_ENTRY = fileURLToPath(new URL('../../scripts/start.js', import.meta.url));
/** The Node flags of `pnpm start` (the start script), so that tests and benches run it as users do. */
function startFlags(): string[] {
  const manifest = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { scripts: { start: string } };
  return manifest.scripts.start.split(' ').filter((word) => word.startsWith('--'));
}
/** Node's arguments for the server, as `pnpm start` gives them. */
export const SERVER_ARGS = [...startFlags(), SERVER_ENTRY];
const BUILT_SERVER = fileURLToPath(new URL('../../build/index.js', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const VITE = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));

/** Node arguments for `vite dev` on a port, as `pnpm dev` runs it. */
export const viteDev = (port: number) => [
  VITE,
  'dev',
  '--host',
  '127.0.0.1',
  '--port',
  String(port),
  '--strictPort',
];

/** A free TCP port on 127.0.0.1, asked of the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Start the built server (or another, by its Node arguments) and wait until it answers. */
export async function startServer({
  env = {},
  timeoutMs = 20_000,
  args,
}: {
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Node arguments for the port to listen on; the built server by default. */
  args?: (port: number) => string[];
} = {}): Promise<RunningServer> {
  if (args === undefined && !existsSync(BUILT_SERVER)) {
    throw new Error(
      `No built server at ${BUILT_SERVER}: run "vite build" before the browser tests.`,
    );
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args?.(port) ?? SERVER_ARGS, {
    cwd: PACKAGE_DIR,
    // No SITE_URL from the shell: the tests expect links to this server unless they set one.
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), SITE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/feeds/feeds.opml`);
      if (response.ok) return { url, child, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`The server did not answer on ${url} within ${timeoutMs / 1000} s:\n${output}`);
}

/** Run the built server to its end (for servers expected to refuse to start). */
export async function runServerToExit({
  env,
}: {
  env: Record<string, string>;
}): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, SERVER_ARGS, {
    // No SITE_URL from the shell: the tests expect links to this server unless they set one.
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), SITE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}
