#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { commandRepoRoot, userCwd } from '@briefing/repo';
import {
  carryLastModified,
  createFeedServer,
  normalizeSiteUrl,
  type FeedSet,
} from '@briefing/feeds';
import { loadFeedSet } from './load-feed-set.js';
import { watchRecords } from './watch.js';
import { writeFeedSet } from './write-output.js';

const HELP = `briefing-feeds: RSS 2.0, Atom 1.0, JSON Feed 1.1, iCalendar and OPML from briefing records

Usage:
  briefing-feeds build --out <dir> [--data <dir>] [--site-url <url>] [--page-size <n>] [--hub <url>]
  briefing-feeds serve [--port <n>] [--host <host>] [--data <dir>] [--site-url <url>] [--watch]

Commands:
  build   Write every feed under <out>/feeds/ (URL paths as file paths). The output is replaced
          as a whole, atomically; if any record is invalid nothing is written and the exit code is 1.
  serve   Serve the feeds over HTTP with ETag/Last-Modified (304), gzip and brotli.

Options:
  --data <dir>       Directory of <id>.yaml records (default: <repo root>/seeds/briefings)
  --out <dir>        Output directory for build (required for build)
  --site-url <url>   Public origin (no path) of the site the feeds link to (default for serve:
                     this server, http://localhost:<port> or http://<host>:<port>; for build:
                     http://localhost:3000)
  --page-size <n>    Items in each feed document; older ones go to archives (default: 50)
  --hub <url>        WebSub hub to announce in the feeds and Link headers
  --port <n>         Port to listen on, 0 for any free port (default: $PORT, else 8080)
  --host <host>      Address to listen on (default: 127.0.0.1)
  --watch            Rebuild when a record changes; invalid records keep the last good feeds
  -h, --help         Show this help

Relative paths are resolved against the directory the command was run from.
`;

class UsageError extends Error {}

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
      port: { type: 'string' },
      host: { type: 'string' },
      watch: { type: 'boolean' },
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

async function main(argv: string[]): Promise<number> {
  const { values, command, extra } = parse(argv);
  if (values.help || command === undefined) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  if (command !== 'build' && command !== 'serve') {
    throw new UsageError(`unknown command "${command}": expected build or serve`);
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command === 'build' && values.out === undefined)
    throw new UsageError('build needs --out <dir>');
  const cwd = userCwd();
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
  const options = {
    dir: data,
    cwd,
    ...(root === undefined ? {} : { root }),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(hubUrl === undefined ? {} : { hubUrl }),
  };
  const load = async ({ siteUrl }: { siteUrl: string }) => {
    const loaded = await loadFeedSet({ ...options, siteUrl });
    if ('problems' in loaded) {
      process.stderr.write(
        `briefing-feeds: ${loaded.problems.length} problem(s) in ${shownPath({ cwd, path: data })}:\n`,
      );
      for (const line of loaded.problems) process.stderr.write(`${line}\n`);
      return undefined;
    }
    return loaded;
  };

  if (command === 'build') {
    const out = resolve(cwd, values.out!);
    const loaded = await load({
      siteUrl: givenSiteUrl ?? normalizeSiteUrl('http://localhost:3000'),
    });
    if (loaded === undefined) {
      process.stderr.write('briefing-feeds: nothing written; the previous output is unchanged\n');
      return 1;
    }
    await writeFeedSet({ feeds: loaded.feeds, out });
    process.stdout.write(
      `Wrote ${loaded.feeds.files.size} files for ${loaded.count} records to ${shownPath({ cwd, path: out })}\n`,
    );
    return 0;
  }

  const port =
    values.port !== undefined
      ? portNumber('--port', values.port)
      : process.env.PORT !== undefined && process.env.PORT !== ''
        ? portNumber('PORT', process.env.PORT)
        : 8080;
  const host = values.host ?? '127.0.0.1';
  // Listening first tells the port (--port 0 picks one), so that without --site-url the feeds
  // link to this very server. Until the records are loaded, every path answers 503.
  let current: FeedSet | undefined;
  const server = createFeedServer({ getFeeds: () => current });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
  const address = server.address();
  const shown = typeof address === 'object' && address !== null ? address.port : port;
  const siteUrl = givenSiteUrl ?? normalizeSiteUrl(`http://${urlHost(host)}:${shown}`);
  const first = await load({ siteUrl });
  if (first === undefined) {
    server.close();
    return 1;
  }
  current = carryLastModified({ next: first.feeds, now: new Date() });
  if (values.watch) {
    await watchRecords({
      dir: data,
      onChange: async () => {
        const loaded = await load({ siteUrl });
        if (loaded === undefined) {
          process.stderr.write('briefing-feeds: still serving the last good feeds\n');
          return;
        }
        // One assignment: each request sees either the old set or the new one, never a mix.
        current = carryLastModified({ previous: current, next: loaded.feeds, now: new Date() });
        process.stdout.write(`Rebuilt ${loaded.feeds.files.size} feed files\n`);
      },
    });
  }
  process.stdout.write(
    `Serving ${first.feeds.files.size} feed files on http://${host}:${shown}/feeds/ (OPML: /feeds/feeds.opml)\n`,
  );
  return new Promise<number>(() => {
    // Runs until the process is stopped.
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(
        `briefing-feeds: ${(error as Error).message}\nRun briefing-feeds --help for usage.\n`,
      );
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`briefing-feeds: ${(error as Error).message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
