import { THEMES } from '@briefing/schema';
import { building } from '$app/env';
import { parseCount } from '#lib/list-params.ts';
import { getLiveData } from '#lib/server/live-data.ts';
import {
  buildOverview,
  cellsCounting,
  overviewCounts,
  snapshotEngagements,
} from '#lib/server/overview.ts';
import { periodCounts } from '#lib/charts/period-counts.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { index, snapshot } = await getLiveData();
  // Engagements by default; `?count=records` counts every record (a prerendered page: the default).
  const count = parseCount(building ? new URLSearchParams() : url.searchParams);
  const current = await snapshot();
  const { cells, records, engagements } = overviewCounts({ index, count });
  const overview = buildOverview({ snapshot: current, count });
  return {
    count,
    overview: {
      ...overview,
      // Counts by month and year, not the ids counted: SvelteKit serializes a load's data.
      periods: periodCounts(cellsCounting({ cells, count, ids: snapshotEngagements(current) })),
      counts: { ...overview.counts, records, engagements },
    },
    themes: THEMES.map((theme) => theme.id),
  };
};
