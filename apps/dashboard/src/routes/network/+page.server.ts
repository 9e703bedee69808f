import { building } from '$app/env';
import { countryName, filterBriefings, THEMES, type BriefingQuery } from '@briefing/schema';
import { buildNetwork } from '#lib/charts/network-layout.ts';
import { parseListParams } from '#lib/list-params.ts';
import { entityIndex } from '#lib/server/entities.ts';
import { getSnapshot } from '#lib/server/live-data.ts';
import { inOwnTurn } from '#lib/server/own-turn.ts';
import { memo } from '#lib/server/snapshot.ts';
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
  const compute = () => {
    const records = filterBriefings({ records: snapshot.newestFirst, query: filter });
    const { nodes, links } = buildNetwork({ records });
    const index = entityIndex(snapshot);
    const slug = (key: string) => index.actorByKey.get(key)?.slug ?? '';
    const byKey = new Map(nodes.map((node) => [node.key, node]));
    return {
      records: records.length,
      nodes: nodes.map((node) => ({ ...node, slug: slug(node.key) })),
      links: links.map((link) => {
        const [a, b] = [byKey.get(link.source)!, byKey.get(link.target)!];
        // Russia's side first in the table, as on the chart.
        const [first, second] = a.country === 'RUS' || b.country === 'PRK' ? [a, b] : [b, a];
        return {
          ...link,
          first: { name: first.name, slug: slug(first.key), country: countryName(first.country) },
          second: {
            name: second.name,
            slug: slug(second.key),
            country: countryName(second.country),
          },
        };
      }),
    };
  };
  // Its actors' pages first, in a turn of their own (own-turn.ts).
  await inOwnTurn(() => entityIndex(snapshot));
  // The whole network is kept; a filtered one is cheap to make again (and dates are unbounded).
  const view = await inOwnTurn(() =>
    Object.keys(filter).length === 0 ? memo(snapshot, 'network', compute) : compute(),
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
