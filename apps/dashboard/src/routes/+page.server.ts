import { THEMES } from '@briefing/schema';
import { buildOverview } from '$lib/server/overview.js';
import { getStore } from '$lib/server/store.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const store = await getStore();
  return { overview: buildOverview({ store }), themes: THEMES.map((theme) => theme.id) };
};
