import { ThemeId, THEMES } from '@briefing/schema';
import { feedLinks } from '@briefing/feeds';
import { error } from '@sveltejs/kit';
import { listHref } from '#lib/list-url.ts';
import { toEngagementItem } from '#lib/list-item.ts';
import { getSnapshot } from '#lib/server/live-data.ts';
import { inOwnTurn } from '#lib/server/own-turn.ts';
import { prepareEngagements } from '#lib/server/snapshot.ts';
import { themeParts } from '#lib/server/theme-view.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

const SHOWN = 50;

export const entries: EntryGenerator = () => THEMES.map((theme) => ({ theme: theme.id }));

export const load: PageServerLoad = async ({ params }) => {
  const parsed = ThemeId.safeParse(params.theme);
  if (!parsed.success)
    error(404, { message: `There is no theme "${params.theme.slice(0, 100)}".` });
  const id = parsed.data;
  const theme = THEMES.find((entry) => entry.id === id)!;
  const snapshot = await getSnapshot();
  // Each part in a turn of its own (own-turn.ts).
  const parts = themeParts({ snapshot, id });
  await prepareEngagements(snapshot);
  const total = (await inOwnTurn(parts.groups)).length;
  const timeline = await inOwnTurn(parts.timeline);
  const feeds = feedLinks({ scope: { kind: 'theme', id } });
  return {
    theme: { id, label: theme.label, description: theme.description },
    total,
    timeline,
    items: parts.rows(SHOWN).map(toEngagementItem),
    listHref: listHref({ query: { themes: [id] } }),
    feeds,
    alternate: feeds,
  };
};
