import { makeBriefing } from '@briefing/schema/testing';
import { describe, expect, it } from 'vitest';
import { buildNetwork, layoutNetwork, shorten } from './network-layout.js';
import { CHAR_WIDTH } from './time-ticks.js';

const actor = (name: string, country: string) => ({ name, country, role: 'participant' as const });
const putin = actor('Vladimir Putin', 'RUS');
const lavrov = actor('Sergei Lavrov', 'RUS');
const kim = actor('Kim Jong Un', 'PRK');
const choe = actor('Choe Son Hui', 'PRK');
const xi = actor('Xi Jinping', 'CHN');

const records = [
  makeBriefing({ id: 'a', actors: [putin, kim, lavrov, choe] }),
  makeBriefing({ id: 'b', actors: [lavrov, choe] }),
  makeBriefing({ id: 'c', actors: [putin, kim, xi] }),
  makeBriefing({ id: 'd', actors: [putin, lavrov] }),
];

describe('buildNetwork', () => {
  const network = buildNetwork({ records });

  it('links actors of different countries once per shared record, most shared first', () => {
    expect(network.links.map((l) => `${l.source} ${l.target} ${l.count}`)).toEqual([
      'PRK:Choe Son Hui RUS:Sergei Lavrov 2',
      'PRK:Kim Jong Un RUS:Vladimir Putin 2',
      'PRK:Choe Son Hui RUS:Vladimir Putin 1',
      'PRK:Kim Jong Un RUS:Sergei Lavrov 1',
      'CHN:Xi Jinping PRK:Kim Jong Un 1',
      'CHN:Xi Jinping RUS:Vladimir Putin 1',
    ]);
  });

  it('counts for each actor the records with a link, leaving out a delegation meeting itself', () => {
    const count = Object.fromEntries(network.nodes.map((node) => [node.name, node.count]));
    expect(count).toEqual({
      'Choe Son Hui': 2,
      'Kim Jong Un': 2,
      'Sergei Lavrov': 2,
      'Vladimir Putin': 2,
      'Xi Jinping': 1,
    });
  });
});

describe('layoutNetwork', () => {
  const network = buildNetwork({ records });

  it.each([
    [960, false],
    [340, true],
  ] as const)(
    'puts Russia left, the DPRK right, others between, inside %i px',
    (width, compact) => {
      const layout = layoutNetwork({ ...network, width, compact });
      const x = (name: string) => layout.nodes.find((node) => node.name === name)!.x;
      expect(x('Vladimir Putin')).toBeLessThan(x('Xi Jinping'));
      expect(x('Xi Jinping')).toBeLessThan(x('Kim Jong Un'));
      for (const node of layout.nodes) {
        const w = node.label.text.length * 7;
        const left =
          node.label.anchor === 'start'
            ? node.label.x
            : node.label.anchor === 'end'
              ? node.label.x - w
              : node.label.x - w / 2;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left + w).toBeLessThanOrEqual(width);
      }
      expect(layout.links).toHaveLength(network.links.length);
    },
  );

  it('levels linked actors and gives the same layout every time', () => {
    const one = layoutNetwork({ ...network, width: 960 });
    const two = layoutNetwork({ ...network, width: 960 });
    expect(one).toEqual(two);
    const y = (name: string) => one.nodes.find((node) => node.name === name)!.y;
    expect(Math.abs(y('Sergei Lavrov') - y('Choe Son Hui'))).toBeLessThanOrEqual(26);
  });

  it('weights lines by shared records', () => {
    const layout = layoutNetwork({ ...network, width: 960 });
    expect(layout.links[0]!.width).toBeGreaterThan(layout.links[5]!.width);
  });
});

describe('shorten', () => {
  const room = (chars: number) => chars * CHAR_WIDTH;

  it('keeps a name that fits, and cuts a longer one after a whole word, with an ellipsis', () => {
    expect(shorten('Kim Jong Un', 200)).toBe('Kim Jong Un');
    expect(shorten('Alexander Matsegora', 70)).toBe('Alexander…');
    expect(shorten('Russian Foreign Ministry', room(17))).toBe('Russian Foreign…');
    expect(shorten('Government of the Russian Federation', room(15))).toBe('Government of…');
  });

  it("shows a person's surname alone where the surname comes last and the whole name does not fit", () => {
    expect(shorten('Konstantin Pulikovsky', room(15), { surnameLast: true })).toBe('Pulikovsky');
    expect(shorten('Alexei Krivoruchko', room(15), { surnameLast: true })).toBe('Krivoruchko');
    // The first name still, if the surname alone does not fit either.
    expect(shorten('Konstantin Pulikovsky', room(9), { surnameLast: true })).toBe('Konstant…');
  });

  it('shows the first word alone rather than cut the second', () => {
    expect(shorten('Russian Federation', room(16))).toBe('Russian…');
    expect(shorten('Kong Xuanyou', room(11))).toBe('Kong…');
  });

  it('cuts inside a word only when no whole word fits', () => {
    expect(shorten('InvestStroyTrest', room(10))).toBe('InvestStr…');
    expect(shorten('Vladivostok Sollers', room(8))).toBe('Vladivo…');
  });
});
