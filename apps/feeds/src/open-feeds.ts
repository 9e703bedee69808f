import { formatProblem } from '@briefing/schema';
import { openStore, type Logger, type Store } from '@briefing/store';
import { createLiveFeeds, startRenderWorker, type LiveFeeds } from '@briefing/feeds';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { KEYS_SIDECAR } from './build-output.js';
import { readOutputSidecar } from './write-output.js';

/** The store of a folder of records and the live feeds over it. */
export interface OpenFeeds {
  store: Store;
  live: LiveFeeds;
  /** Every problem in the records, formatted (file:line  field: message). */
  problems: string[];
}

/** Open (or bring up to date) the index of `dir`, and the feeds rendered from it on demand. */
export async function openFeeds({
  dir,
  cwd,
  root,
  cacheDir,
  siteUrl,
  pageSize,
  hubUrl,
  logger,
  out,
}: {
  dir: string;
  cwd: string;
  /** The repository that `document:` sources resolve from. */
  root?: string;
  cacheDir?: string;
  siteUrl: string;
  pageSize?: number;
  hubUrl?: string;
  logger: Logger;
  /**
   * The output a build will write into: the ordering keys kept beside it are taken for the
   * records that did not change since (only the others are read from the store).
   */
  out?: string;
}): Promise<OpenFeeds> {
  // A first build (no output yet) renders every record, sharing the work with a worker thread:
  // started now, it loads its modules while the index is opened and the records' keys are read.
  if (out !== undefined && !existsSync(resolve(out))) void startRenderWorker();
  const store = await openStore({
    dir,
    cwd,
    logger,
    ...(root === undefined ? {} : { root }),
    ...(cacheDir === undefined ? {} : { cacheDir }),
  });
  try {
    const live = await createLiveFeeds({
      store,
      siteUrl,
      ...(pageSize === undefined ? {} : { pageSize }),
      ...(hubUrl === undefined ? {} : { hubUrl }),
      // A build keeps every rendered item, shared by all the documents that list it; a server
      // keeps those it serves within a budget.
      ...(out === undefined
        ? {}
        : {
            previousKeys: () => readOutputSidecar(resolve(out), KEYS_SIDECAR),
            maxItemBytes: Infinity,
          }),
    });
    return { store, live, problems: store.problems().map(formatProblem) };
  } catch (error) {
    await store.close();
    throw error;
  }
}
