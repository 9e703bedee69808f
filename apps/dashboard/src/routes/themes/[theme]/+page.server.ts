import { groupByMonthAndTheme, groupEngagements, ThemeId, THEMES } from '@briefing/schema';
import { feedLinks } from '@briefing/feeds';
import { error } from '@sveltejs/kit';
import { periodCounts } from '#lib/charts/period-counts.ts';
import { listHref } from '#lib/list-url.ts';
import { toEngagementItem } from '#lib/list-item.ts';
import { cellsCounting, timelineItems, TIMELINE_MARK_LIMIT } from '#lib/server/overview.ts';
import { getSnapshot } from '#lib/server/live-data.ts';
import { inOwnTurn } from '#lib/server/own-turn.ts';
import { memo, snapshotEngagements } from '#lib/server/snapshot.ts';
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
  // Each step in a turn of its own (own-turn.ts): at 100,000 records they took 170–280 ms together.
  // Engagements, as on the overview and the list: a trip with its legs is one mark and one row.
  const ids = await inOwnTurn(() => snapshotEngagements(snapshot));
  const step = <T>(name: string, make: () => T) =>
    inOwnTurn(() => memo(snapshot, `theme ${id} ${name}`, make));
  const records = await step('records', () =>
    snapshot.newestFirst.filter((record) => record.themes.includes(id)),
  );
  const rows = await step('rows', () => groupEngagements({ records, ids }).reverse());
  const timeline = await step('timeline', () =>
    records.length <= TIMELINE_MARK_LIMIT
      ? { kind: 'marks' as const, items: timelineItems({ records, count: 'engagements', ids }) }
      : {
          kind: 'density' as const,
          periods: periodCounts(
            cellsCounting({
              cells: groupByMonthAndTheme({ records, count: 'engagements', ids }),
              count: 'engagements',
              ids,
            }).filter((cell) => cell.theme === id),
          ),
        },
  );
  const feeds = feedLinks({ scope: { kind: 'theme', id } });
  return {
    theme: { id, label: theme.label, description: theme.description },
    total: rows.length,
    timeline,
    items: rows.slice(0, SHOWN).map(toEngagementItem),
    listHref: listHref({ query: { themes: [id] } }),
    feeds,
    alternate: feeds,
  };
};
