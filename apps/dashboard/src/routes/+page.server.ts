import { THEMES } from '@briefing/schema';
import { buildOverview } from '#lib/server/overview.ts';
import { getSnapshot } from '#lib/server/live-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const snapshot = await getSnapshot();
  return { overview: buildOverview({ snapshot }), themes: THEMES.map((theme) => theme.id) };
};
