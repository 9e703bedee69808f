import type { Briefing } from '@briefing/schema';
import { scaleSqrt } from 'd3-scale';
import { cutAfterWord } from './cut-text.js';
import { CHAR_WIDTH } from './time-ticks.js';

/** An actor in the network: one that shares a record with an actor of another country. */
export interface NetworkNode {
  /** entityKey: country and name. */
  key: string;
  name: string;
  country: string;
  /** Records of the view the actor takes part in with someone of another country. */
  count: number;
  /** A person whose name ends with the surname (not "Kim Jong Un"): shortened to it. */
  surnameLast?: boolean;
}

/** Two actors of different countries and the number of records they share. */
export interface NetworkLink {
  source: string;
  target: string;
  count: number;
}

const keyOf = (actor: { country: string; name: string }) => `${actor.country}:${actor.name}`;
const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * Actors linked by shared records, each pair once per record: only pairs from different
 * countries (who meets whom across the relationship, not a delegation's own members). Links by
 * count, then by names; nodes by name.
 */
export function buildNetwork({ records }: { records: readonly Briefing[] }): {
  nodes: NetworkNode[];
  links: NetworkLink[];
} {
  const nodes = new Map<string, NetworkNode>();
  const links = new Map<string, NetworkLink>();
  for (const record of records) {
    const actors = [...new Map(record.actors.map((actor) => [keyOf(actor), actor])).values()];
    const linked = new Set<string>();
    for (let i = 0; i < actors.length; i += 1) {
      for (let j = i + 1; j < actors.length; j += 1) {
        const a = actors[i]!;
        const b = actors[j]!;
        if (a.country === b.country) continue;
        const [source, target] = [keyOf(a), keyOf(b)].sort();
        const key = `${source}\n${target}`;
        const link = links.get(key) ?? { source: source!, target: target!, count: 0 };
        link.count += 1;
        links.set(key, link);
        linked.add(source!).add(target!);
      }
    }
    for (const actor of actors) {
      const key = keyOf(actor);
      if (!linked.has(key)) continue;
      const node = nodes.get(key) ?? { key, name: actor.name, country: actor.country, count: 0 };
      node.count += 1;
      nodes.set(key, node);
    }
  }
  const name = (key: string) => nodes.get(key)!.name;
  return {
    nodes: [...nodes.values()].sort((a, b) => collator.compare(a.name, b.name)),
    links: [...links.values()].sort(
      (a, b) =>
        b.count - a.count ||
        collator.compare(name(a.source), name(b.source)) ||
        collator.compare(name(a.target), name(b.target)),
    ),
  };
}

export interface PlacedNode extends NetworkNode {
  x: number;
  y: number;
  r: number;
  label: { text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' };
}

export interface PlacedLink extends NetworkLink {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  links: PlacedLink[];
  /** Column headings: the countries on each side. */
  headings: { text: string; x: number; anchor: 'start' | 'middle' | 'end' }[];
}

const ROW = 26;
const TOP = 40;

/**
 * A deterministic three-column layout: Russia's actors on the left, the DPRK's on the right,
 * other countries' in the middle; each column ordered to bring linked actors level (a few
 * barycentre sweeps, ties by name), circles sized by records, lines weighted by shared records.
 * `compact` (a phone) pulls the columns together and cuts long names to fit.
 */
export function layoutNetwork({
  nodes,
  links,
  width,
  compact = false,
  countryName = (code: string) => code,
}: {
  nodes: readonly NetworkNode[];
  links: readonly NetworkLink[];
  width: number;
  compact?: boolean;
  countryName?: (code: string) => string;
}): NetworkLayout {
  const side = (node: NetworkNode) => (node.country === 'RUS' ? 0 : node.country === 'PRK' ? 2 : 1);
  const columns: NetworkNode[][] = [[], [], []];
  for (const node of nodes) columns[side(node)]!.push(node);
  const neighbours = new Map<string, { key: string; count: number }[]>();
  for (const link of links) {
    neighbours.set(link.source, [
      ...(neighbours.get(link.source) ?? []),
      { key: link.target, count: link.count },
    ]);
    neighbours.set(link.target, [
      ...(neighbours.get(link.target) ?? []),
      { key: link.source, count: link.count },
    ]);
  }
  const weight = (node: NetworkNode) =>
    (neighbours.get(node.key) ?? []).reduce((sum, n) => sum + n.count, 0);
  // Start with the most connected first, then sweep: each node moves to the mean row of its links.
  for (const column of columns) {
    column.sort((a, b) => weight(b) - weight(a) || collator.compare(a.name, b.name));
  }
  const rowOf = new Map<string, number>();
  const spread = (column: NetworkNode[]) => {
    const offset = (maxRows - column.length) / 2;
    column.forEach((node, index) => rowOf.set(node.key, offset + index));
  };
  const maxRows = Math.max(1, ...columns.map((column) => column.length));
  columns.forEach(spread);
  for (let sweep = 0; sweep < 4; sweep += 1) {
    for (const index of sweep % 2 === 0 ? [2, 1, 0] : [0, 1, 2]) {
      const column = columns[index]!;
      const centre = new Map(
        column.map((node) => {
          const around = neighbours.get(node.key) ?? [];
          const total = around.reduce((sum, n) => sum + n.count, 0);
          const mean =
            total === 0
              ? rowOf.get(node.key)!
              : around.reduce((sum, n) => sum + rowOf.get(n.key)! * n.count, 0) / total;
          return [node.key, mean];
        }),
      );
      column.sort(
        (a, b) =>
          centre.get(a.key)! - centre.get(b.key)! ||
          weight(b) - weight(a) ||
          collator.compare(a.name, b.name),
      );
      spread(column);
    }
  }

  const xs = compact
    ? [Math.round(width * 0.38), Math.round(width * 0.5), Math.round(width * 0.62)]
    : [Math.round(width * 0.34), Math.round(width * 0.5), Math.round(width * 0.66)];
  const room = [xs[0]! - 14, 0, width - xs[2]! - 14];
  const maxCount = Math.max(1, ...nodes.map((node) => node.count));
  const radius = scaleSqrt()
    .domain([0, maxCount])
    .range([0, compact ? 8 : 11]);
  const maxLink = Math.max(1, ...links.map((link) => link.count));
  const stroke = scaleSqrt()
    .domain([0, maxLink])
    .range([0, compact ? 5 : 8]);
  const placed = new Map<string, PlacedNode>();
  columns.forEach((column, index) => {
    for (const node of column) {
      const x = xs[index]!;
      const y = TOP + rowOf.get(node.key)! * ROW + ROW / 2;
      const r = Math.max(3, Math.round(radius(node.count) * 10) / 10);
      const text =
        index === 1
          ? shorten(node.name, compact ? 11 * CHAR_WIDTH : 18 * CHAR_WIDTH, node)
          : shorten(node.name, room[index]! - r, node);
      placed.set(node.key, {
        ...node,
        x,
        y,
        r,
        label:
          index === 0
            ? { text, x: x - r - 5, y: y + 4, anchor: 'end' }
            : index === 2
              ? { text, x: x + r + 5, y: y + 4, anchor: 'start' }
              : { text, x, y: y + r + 13, anchor: 'middle' },
      });
    }
  });
  const others = [...new Set(columns[1]!.map((node) => countryName(node.country)))];
  return {
    width,
    height: TOP + maxRows * ROW + 16,
    nodes: [...placed.values()],
    links: links.map((link) => {
      const a = placed.get(link.source)!;
      const b = placed.get(link.target)!;
      return {
        ...link,
        x1: a.x,
        y1: a.y,
        x2: b.x,
        y2: b.y,
        width: Math.max(1, Math.round(stroke(link.count) * 10) / 10),
      };
    }),
    headings: [
      ...(columns[0]!.length > 0
        ? [{ text: countryName('RUS'), x: xs[0]!, anchor: 'end' as const }]
        : []),
      ...(others.length > 0 && !compact
        ? [{ text: others.join(', '), x: xs[1]!, anchor: 'middle' as const }]
        : []),
      ...(columns[2]!.length > 0
        ? [{ text: countryName('PRK'), x: xs[2]!, anchor: 'start' as const }]
        : []),
    ],
  };
}

/**
 * A name in `room` pixels of 12 px text. One that is longer shows whole words, as the accessible
 * name has them: a person's surname ("Pulikovsky", where the surname comes last), else the first
 * words with an ellipsis ("Russian Foreign…", or the first word alone: "Kong…" rather than "Kong
 * Xuany…"); only a name whose first word does not fit is cut inside it.
 */
export function shorten(
  name: string,
  room: number,
  { surnameLast = false }: { surnameLast?: boolean } = {},
): string {
  if (name.length * CHAR_WIDTH <= room) return name;
  const chars = Math.max(2, Math.floor(room / CHAR_WIDTH));
  const surname = name.slice(name.lastIndexOf(' ') + 1);
  if (surnameLast && surname.length < name.length && surname.length <= chars) return surname;
  const first = name.split(/\s/, 1)[0]!.replace(/[,;:–—-]+$/, '');
  return (
    cutAfterWord(name, chars) ??
    (first.length < chars && first.length < name.length ? `${first}…` : undefined) ??
    `${name.slice(0, chars - 1).trimEnd()}…`
  );
}
