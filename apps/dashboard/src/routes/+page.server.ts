import { THEMES } from '@briefing/schema';
import { building } from '$app/env';
import { parseCount } from '#lib/list-params.ts';
import { getLiveData } from '#lib/server/live-data.ts';
import { snapshotEngagements } from '#lib/server/snapshot.ts';
import {
  buildOverview,
  overviewCounts,
  overviewPeriods,
  prepareOverview,
} from '#lib/server/overview.ts';
import { inOwnTurn } from '#lib/server/own-turn.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { index, snapshot } = await getLiveData();
  // Engagements by default; `?count=records` counts every record (a prerendered page: the default).
  const count = parseCount(building ? new URLSearchParams() : url.searchParams);
  let current = await snapshot();
  // The index's counts and the snapshot from one data version: an edit applied while the
  // snapshot was made is taken in first (a few times at most, should edits never pause).
  for (let tries = 0; tries < 5 && current.dataVersion !== index.dataVersion; tries += 1) {
    current = await snapshot();
  }
  const { cells, records, engagements } = overviewCounts({ index, count });
  await prepareOverview({ snapshot: current, count });
  const overview = buildOverview({ snapshot: current, count });
  return {
    count,
    overview: {
      ...overview,
      // Counts by month and year, not the ids counted: SvelteKit serializes a load's data.
      periods: await inOwnTurn(() =>
        overviewPeriods({ cells, count, ids: snapshotEngagements(current) }),
      ),
      counts: { ...overview.counts, records, engagements },
    },
    themes: THEMES.map((theme) => theme.id),
  };
};
