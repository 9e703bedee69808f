import { formatProblem } from '@briefing/schema';
import { loadBriefings } from '@briefing/schema/node';
import { buildFeeds, type FeedSet } from '@briefing/feeds';

/** Feeds built from a directory of records, or every problem found in them. */
export type LoadedFeeds = { feeds: FeedSet; count: number } | { problems: string[] };

/** Load the records in `dir` and build their feeds; any invalid record stops the build. */
export async function loadFeedSet({
  dir,
  cwd,
  root,
  siteUrl,
  pageSize,
  hubUrl,
}: {
  dir: string;
  cwd: string;
  /** The repository that `document:` sources resolve from. */
  root?: string;
  siteUrl: string;
  pageSize?: number;
  hubUrl?: string;
}): Promise<LoadedFeeds> {
  const { records, problems } = await loadBriefings({
    dir,
    cwd,
    ...(root === undefined ? {} : { root }),
  });
  if (problems.length > 0) return { problems: problems.map(formatProblem) };
  return {
    feeds: buildFeeds({
      records,
      siteUrl,
      ...(pageSize === undefined ? {} : { pageSize }),
      ...(hubUrl === undefined ? {} : { hubUrl }),
    }),
    count: records.length,
  };
}
