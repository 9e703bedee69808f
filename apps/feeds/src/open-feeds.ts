import { formatProblem } from '@briefing/schema';
import { openStore, type Logger, type Store } from '@briefing/store';
import { createLiveFeeds, type LiveFeeds } from '@briefing/feeds';

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
}): Promise<OpenFeeds> {
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
    });
    return { store, live, problems: store.problems().map(formatProblem) };
  } catch (error) {
    await store.close();
    throw error;
  }
}
