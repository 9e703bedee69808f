import { countryName, filterBriefings, type BriefingQuery } from '@briefing/schema';
import { buildNetwork } from '../charts/network-layout.js';
import { putsSurnameLast } from '../surname-last.js';
import { entityIndex } from './entities.js';
import { memo, type Snapshot } from './snapshot.js';

/** What the network page shows: who met whom across countries, with links to their pages. */
export function networkView({ snapshot, filter }: { snapshot: Snapshot; filter: BriefingQuery }) {
  const records = filterBriefings({ records: snapshot.newestFirst, query: filter });
  const { nodes, links } = buildNetwork({ records });
  const index = entityIndex(snapshot);
  const slug = (key: string) => index.actorByKey.get(key)?.slug ?? '';
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  return {
    records: records.length,
    nodes: nodes.map((node) => ({
      ...node,
      slug: slug(node.key),
      surnameLast: putsSurnameLast(node.name),
    })),
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
}

/**
 * The network of every record, made once and kept by the next snapshot while no record's names
 * change (a filtered one is cheap to make again, and dates are unbounded).
 */
export function wholeNetworkView(snapshot: Snapshot): ReturnType<typeof networkView> {
  return memo(snapshot, 'network', () => networkView({ snapshot, filter: {} }), ['names']);
}
