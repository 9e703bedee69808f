import { building } from '$app/env';
import { countryName, THEMES, type BriefingQuery } from '@briefing/schema';
import { parseListParams } from '#lib/list-params.ts';
import { entityIndex } from '#lib/server/entities.ts';
import { getSnapshot } from '#lib/server/live-data.ts';
import { networkView, wholeNetworkView } from '#lib/server/network-view.ts';
import { inOwnTurn } from '#lib/server/own-turn.ts';
import type { PageServerLoad } from './$types';

// The network reads only these of the list's parameters.
const READ = ['from', 'to', 'theme'];

export const load: PageServerLoad = async ({ url }) => {
  const snapshot = await getSnapshot();
  // A prerendered (static) page cannot read the query string: it shows every record.
  const params = new URLSearchParams(
    building ? [] : [...url.searchParams].filter(([name]) => READ.includes(name)),
  );
  const { query, notes } = parseListParams({ params });
  const filter: BriefingQuery = {
    ...(query.themes === undefined ? {} : { themes: query.themes }),
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
  };
  // Its actors' pages first, in a turn of their own (own-turn.ts).
  await inOwnTurn(() => entityIndex(snapshot));
  const view = await inOwnTurn(() =>
    Object.keys(filter).length === 0
      ? wholeNetworkView(snapshot)
      : networkView({ snapshot, filter }),
  );
  return {
    ...view,
    notes,
    form: {
      from: filter.from ?? '',
      to: filter.to ?? '',
      theme: filter.themes?.[0] ?? '',
    },
    themes: THEMES.map(({ id, label }) => ({ id, label })),
    countries: Object.fromEntries(
      [...new Set(view.nodes.map((node) => node.country))].map((code) => [code, countryName(code)]),
    ),
  };
};
