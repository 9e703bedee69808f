import { THEMES } from '@briefing/schema';
import { buildOverview } from '#lib/server/overview.ts';
import { getStore } from '#lib/server/store.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const store = await getStore();
  return { overview: buildOverview({ store }), themes: THEMES.map((theme) => theme.id) };
};
