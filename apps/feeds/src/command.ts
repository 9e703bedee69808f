// The briefing-feeds command itself, given its arguments and where to write: run by the entry
// (cli.ts) in this process, and by the build daemon (build-daemon.ts) for each build it is asked for.
import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { commandRepoRoot } from '@briefing/repo';
import { formatProblem } from '@briefing/schema';
import { createFeedServer, normalizeSiteUrl, type LiveFeeds } from '@briefing/feeds';
import { watchStore, type Logger } from '@briefing/store';
import { FolderChanges } from './folder-changes.js';
import { buildOutput, prepareNextBuild } from './build-output.js';
import { openFeeds, type OpenFeeds } from './open-feeds.js';

const HELP = `briefing-feeds: RSS 2.0, Atom 1.0, JSON Feed 1.1, iCalendar and OPML from briefing records

Usage:
  briefing-feeds build --out <dir> [--data <dir>] [--site-url <url>] [--page-size <n>] [--hub <url>] [--watch | --daemon]
  briefing-feeds serve [--port <n>] [--host <host>] [--data <dir>] [--site-url <url>] [--watch]

Commands:
  build   Write every feed under <out>/feeds/ (URL paths as file paths). <out> is a link to a
          complete build, replaced atomically; unchanged files are not written again. If any
          record is invalid nothing is written and the exit code is 1.
  serve   Serve the feeds over HTTP with ETag/Last-Modified (304), gzip and brotli; each
          document is rendered when first asked for and kept until an edit touches it.

Options:
  --data <dir>       Directory of <id>.yaml records (default: <repo root>/seeds/briefings)
  --out <dir>        Output directory for build (required for build)
  --site-url <url>   Public origin (no path) of the site the feeds link to (default for serve:
                     this server, http://localhost:<port> or http://<host>:<port>; for build:
                     http://localhost:3000)
  --page-size <n>    Items in each feed document; older ones go to archives (default: 50)
  --hub <url>        WebSub hub to announce in the feeds and Link headers
  --cache-dir <dir>  Folder of the records' index (default: .cache/briefing/ in the repository,
                     else beside --data)
  --port <n>         Port to listen on, 0 for any free port (default: $PORT, else 8080)
  --host <host>      Address to listen on (default: 127.0.0.1)
  --watch            Follow edits to the records: serve updates the documents they touch, build
                     rewrites the changed files; an invalid record keeps its last valid version
  --daemon           (build) Keep the index and the rendered items in a background process
                     between builds, so that a build after an edit writes only what it touches
                     (about 0.2 s at 10,000 records rather than 0.9 s). It serves the builds with
                     the same arguments from the same folder, and stops after 10 minutes unused
  -h, --help         Show this help

Relative paths are resolved against the directory the command was run from.
`;

class UsageError extends Error {}

/** Where the command is run from and where it writes. */
export interface CommandIo {
  /** The folder relative paths are resolved against. */
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * What the build daemon keeps between builds: the index and the feeds over it, opened by its
 * first build. Every build's messages go to that build's own output.
 */
export interface BuildSession {
  feeds?: OpenFeeds;
  io?: CommandIo;
  /**
   * What the last build still does after its output is in place: its sidecars, the standby
   * brought up to date (unless a build waits), the caches cut back (see command.ts's build).
   */
  settling?: Promise<void>;
  /**
   * Whether a build waits for the last one to settle: the standby is then not brought up to
   * date, as that build does it anyway (a few dozen renames after one edit) and answers sooner.
   */
  waiting?: boolean;
  /** What changed in the data folder since the last build (see folder-changes.ts). */
  changes?: FolderChanges;
}

/** The host part of this server's own URL: `localhost` for any loopback or wildcard address. */
function urlHost(host: string): string {
  if (['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** A path as the user would write it: relative below the working directory, else absolute. */
function shownPath({ cwd, path }: { cwd: string; path: string }): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      'site-url': { type: 'string' },
      'page-size': { type: 'string' },
      hub: { type: 'string' },
      'cache-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      watch: { type: 'boolean' },
      daemon: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return { values, command: positionals[0], extra: positionals.slice(1) };
}

function positiveInteger(name: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`${name} must be a positive integer, got "${value}"`);
  }
  return Number(value);
}

function portNumber(name: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new UsageError(
      `${name} must be a port number 0-65535 (0: any free port), got "${value}"`,
    );
  }
  return Number(value);
}

async function main(
  argv: string[],
  io: CommandIo,
  session: BuildSession | undefined,
): Promise<number> {
  const { values, command, extra } = parse(argv);
  if (values.help || command === undefined) {
    io.stdout(HELP);
    return values.help ? 0 : 2;
  }
  if (command !== 'build' && command !== 'serve') {
    throw new UsageError(`unknown command "${command}": expected build or serve`);
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command === 'build' && values.out === undefined)
    throw new UsageError('build needs --out <dir>');
  if (values.daemon && (command !== 'build' || values.watch)) {
    throw new UsageError('--daemon is for build without --watch');
  }
  const { cwd } = io;
  // Run from outside the checkout, the seeds are still the ones of the repository holding this CLI.
  const root = commandRepoRoot({ cwd });
  const data =
    values.data === undefined
      ? root === undefined
        ? undefined
        : resolve(root, 'seeds/briefings')
      : resolve(cwd, values.data);
  if (data === undefined) {
    throw new UsageError(
      '--data is required outside the repository (no pnpm-workspace.yaml found)',
    );
  }
  // Checked before any work; without it, each command picks its own default below.
  let givenSiteUrl: string | undefined;
  try {
    givenSiteUrl =
      values['site-url'] === undefined ? undefined : normalizeSiteUrl(values['site-url']);
  } catch (error) {
    throw new UsageError(`--site-url: ${(error as Error).message}`);
  }
  const pageSize =
    values['page-size'] === undefined
      ? undefined
      : positiveInteger('--page-size', values['page-size']);
  const hubUrl = values.hub;
  if (hubUrl !== undefined && !/^https?:$/.test(URL.parse(hubUrl)?.protocol ?? '')) {
    throw new UsageError(`--hub must be an absolute http(s) URL, got "${hubUrl}"`);
  }
  const cacheDir =
    values['cache-dir'] === undefined ? undefined : resolve(cwd, values['cache-dir']);
  const open = ({ siteUrl, logger, out }: { siteUrl: string; logger: Logger; out?: string }) =>
    openFeeds({
      ...(out === undefined ? {} : { out }),
      dir: data,
      cwd,
      siteUrl,
      logger,
      ...(root === undefined ? {} : { root }),
      ...(cacheDir === undefined ? {} : { cacheDir }),
      ...(pageSize === undefined ? {} : { pageSize }),
      ...(hubUrl === undefined ? {} : { hubUrl }),
    });
  // The daemon's index outlives this build: what it logs goes to the build being run.
  if (session !== undefined) session.io = io;
  const currentIo = () => session?.io ?? io;
  const say = (line: string) => currentIo().stdout(`${line}\n`);
  const complain = (line: string) => currentIo().stderr(`briefing-feeds: ${line}\n`);

  if (command === 'build') {
    const out = resolve(cwd, values.out!);
    // build reports the problems itself, all at once; the index's progress is not news here.
    const quiet: Logger = { info: () => {}, warn: () => {}, error: complain };
    // The daemon's, kept open since its first build (it closes them when it stops): brought up to
    // date with the folder first, as a new process would find it.
    const kept = session?.feeds;
    if (kept !== undefined) {
      session!.waiting = true;
      await session!.settling;
      session!.waiting = false;
      await session!.changes!.sync();
    }
    const opened =
      kept ??
      (await open({
        siteUrl: givenSiteUrl ?? normalizeSiteUrl('http://localhost:3000'),
        logger: values.watch ? { ...quiet, warn: complain } : quiet,
        out,
      }));
    if (session !== undefined && kept === undefined) {
      session.feeds = opened;
      // Watched from now on: the store has just looked at every file.
      session.changes = new FolderChanges(opened.store);
    }
    const { store, live } = opened;
    const keep = values.watch || session !== undefined;
    const problems = session === undefined ? opened.problems : store.problems().map(formatProblem);
    try {
      if (problems.length > 0) {
        complain(`${problems.length} problem(s) in ${shownPath({ cwd, path: data })}:`);
        for (const line of problems) currentIo().stderr(`${line}\n`);
        complain('nothing written; the previous output is unchanged');
        if (!values.watch) return 1;
      } else {
        const result = buildOutput({ live, out });
        // The output is in place: the daemon answers, and finishes before its next build.
        if (session === undefined) await result.removed;
        else {
          // What the build kept of every document and item goes back to a server's share: a
          // daemon that rendered everything held 2.3 GB at 100,000 records.
          session.settling = result.removed
            .then(() => (session.waiting === true ? undefined : prepareNextBuild({ live, out })))
            .then(() => live.shrink())
            .catch((error: unknown) => {
              // Only the next build's help is missing (see writeSidecars); the daemon's log says.
              process.stderr.write(`after writing ${out}: ${(error as Error).message}\n`);
            });
        }
        say(
          `Wrote ${result.files} files for ${store.status().records} records to ${shownPath({ cwd, path: out })}` +
            (result.unchanged > 0
              ? ` (${result.unchanged} unchanged, ${result.unchanged - result.reused} of them rendered)`
              : ''),
        );
      }
      if (!values.watch) return 0;
      await followForBuild({ live, store, out, say, complain });
      return await new Promise<number>(() => {
        // Runs until the process is stopped.
      });
    } finally {
      if (!keep) await store.close();
    }
  }

  const port =
    values.port !== undefined
      ? portNumber('--port', values.port)
      : process.env.PORT !== undefined && process.env.PORT !== ''
        ? portNumber('PORT', process.env.PORT)
        : 8080;
  const host = values.host ?? '127.0.0.1';
  // Listening first tells the port (--port 0 picks one), so that without --site-url the feeds
  // link to this very server. Until the records are indexed, every path answers 503.
  let current: LiveFeeds | undefined;
  const server = createFeedServer({
    getFeeds: () => current,
    log: (line) => io.stderr(`${line}\n`),
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
  const address = server.address();
  const shown = typeof address === 'object' && address !== null ? address.port : port;
  const siteUrl = givenSiteUrl ?? normalizeSiteUrl(`http://${urlHost(host)}:${shown}`);
  const { store, live } = await open({
    siteUrl,
    logger: { info: (line) => say(`briefing-feeds: ${line}`), warn: complain, error: complain },
  });
  current = live;
  void live.prepareCalendar();
  if (values.watch) {
    watchStore({ store });
    live.onUpdate(({ ids, dropped }) =>
      say(`Updated ${ids.length} record(s); ${dropped.length} document(s) to render again`),
    );
  }
  say(
    `Serving ${live.paths().length} feed files on http://${host}:${shown}/feeds/ (OPML: /feeds/feeds.opml)`,
  );
  return new Promise<number>(() => {
    // Runs until the process is stopped.
  });
}

/** build --watch: after each change the store applies, rewrite the output (changed files only). */
async function followForBuild({
  live,
  store,
  out,
  say,
  complain,
}: {
  live: LiveFeeds;
  store: Parameters<typeof watchStore>[0]['store'];
  out: string;
  say: (line: string) => void;
  complain: (line: string) => void;
}): Promise<void> {
  let pending = false;
  let running = false;
  const write = () => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    // After the current update's listeners: several changes in a burst make one write.
    setImmediate(async () => {
      try {
        if (store.problems().length > 0) {
          complain('invalid records: the output keeps their last valid versions');
        }
        const started = performance.now();
        const result = buildOutput({ live, out });
        say(
          `Updated ${out}: ${result.written} file(s) written, ${result.unchanged} unchanged, in ${(performance.now() - started).toFixed(0)} ms`,
        );
        // The next write cleans the builds folder: not while this one's old build is being removed.
        await result.removed;
      } catch (error) {
        complain(`could not write ${out}: ${(error as Error).message}`);
      } finally {
        running = false;
        if (pending) {
          pending = false;
          write();
        }
      }
    });
  };
  live.onUpdate(write);
  watchStore({ store });
}

/** Run the command with `argv` in this process, writing to its stdout and stderr. */
export function runInThisProcess({ argv, cwd }: { argv: string[]; cwd: string }): Promise<number> {
  return runCommand(argv, {
    cwd,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

/**
 * Run the command with `argv`, its output written through `io`; the exit code. Usage errors
 * and failures are told in one line, never as a stack trace. `session`: the build daemon's.
 */
export async function runCommand(
  argv: string[],
  io: CommandIo,
  { session }: { session?: BuildSession } = {},
): Promise<number> {
  try {
    return await main(argv, io, session);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(
        `briefing-feeds: ${(error as Error).message}\nRun briefing-feeds --help for usage.\n`,
      );
      return 2;
    }
    io.stderr(`briefing-feeds: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}
