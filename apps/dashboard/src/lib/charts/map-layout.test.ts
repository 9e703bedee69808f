import { describe, expect, it } from 'vitest';
import { layoutMap } from './map-layout.js';
import type { PlaceCount } from './place-counts.js';

const place = (name: string, country: string, count: number, lat?: number, lon?: number) =>
  ({
    key: `${country}:${name}`,
    name,
    country,
    count,
    ...(lat === undefined ? {} : { lat, lon }),
  }) as PlaceCount;

describe('layoutMap', () => {
  const places = [
    place('Pyongyang', 'PRK', 20, 39.0392, 125.7625),
    place('Moscow', 'RUS', 9, 55.7558, 37.6173),
    place('Vladivostok', 'RUS', 3, 43.1155, 131.8855),
    place('UN Security Council, New York', 'USA', 1, 40.7489, -73.968),
    place('Rason', 'PRK', 1),
  ];
  const layout = layoutMap({ places, width: 800, height: 400 });

  it('draws the located places of the region inside the map', () => {
    expect(layout.circles.map((circle) => circle.name).sort()).toEqual([
      'Moscow',
      'Pyongyang',
      'Vladivostok',
    ]);
    for (const circle of layout.circles) {
      expect(circle.x).toBeGreaterThan(0);
      expect(circle.x).toBeLessThan(800);
      expect(circle.y).toBeGreaterThan(0);
      expect(circle.y).toBeLessThan(400);
    }
  });

  it('lists far-away and unlocated places instead of drawing them', () => {
    expect(layout.offMap.map((p) => p.name)).toEqual(['UN Security Council, New York']);
    expect(layout.unlocated.map((p) => p.name)).toEqual(['Rason']);
  });

  it('sizes circles by count, by area', () => {
    const r = (name: string) => layout.circles.find((circle) => circle.name === name)!.r;
    expect(r('Pyongyang')).toBeGreaterThan(r('Moscow'));
    expect(r('Moscow')).toBeGreaterThan(r('Vladivostok'));
    expect(r('Pyongyang') / r('Moscow')).toBeCloseTo(Math.sqrt(20 / 9), 1);
  });

  it('puts Moscow west of Pyongyang and Vladivostok north-east of it', () => {
    const at = (name: string) => layout.circles.find((circle) => circle.name === name)!;
    expect(at('Moscow').x).toBeLessThan(at('Pyongyang').x);
    expect(at('Vladivostok').x).toBeGreaterThan(at('Pyongyang').x);
    expect(at('Vladivostok').y).toBeLessThan(at('Pyongyang').y);
  });

  it('draws Russia and North Korea as focus countries', () => {
    const focus = layout.countries.filter((country) => country.focus).map((c) => c.name);
    expect(focus.sort()).toEqual(['North Korea', 'Russia']);
  });

  it('labels without overlaps', () => {
    const labels = layout.circles.flatMap((circle) => (circle.label ? [circle.label] : []));
    expect(labels.length).toBeGreaterThan(0);
    const ys = labels.map((label) => `${Math.round(label.x)},${Math.round(label.y)}`);
    expect(new Set(ys).size).toBe(ys.length);
  });

  it('finds a label a place near a bigger circle’s label, moving it a little or above or below', () => {
    // The overview's map of the seed records once one took place in Vientiane: the map reaches
    // south to Laos, and Vladivostok's circle sits just above Pyongyang's, near the right edge.
    // Level with the circle, its label fits neither on the right nor beside Pyongyang's.
    const seeds = layoutMap({
      width: 340,
      height: 300,
      places: [
        place('Pyongyang', 'PRK', 73, 39.0392, 125.7625),
        place('Moscow', 'RUS', 57, 55.7558, 37.6173),
        place('Vladivostok', 'RUS', 12, 43.1155, 131.8855),
        place('Khasan', 'RUS', 6, 42.4307, 130.6436),
        place('Komsomolsk-on-Amur', 'RUS', 4, 50.55, 137),
        place('Rason', 'PRK', 3, 42.2569, 130.2981),
        place('Diaoyutai, Beijing', 'CHN', 1, 39.9042, 116.4074),
        place('Vientiane', 'LAO', 1, 17.9757, 102.6331),
        place('Wonsan-Kalma, Wonsan', 'PRK', 1, 39.15, 127.45),
        place('Artyom, Primorsky Krai', 'RUS', 2, 43.4, 132.15),
        place('Khabarovsk', 'RUS', 2, 48.4802, 135.0719),
        place('Omsk', 'RUS', 2, 54.9885, 73.3242),
        place('Saint Petersburg', 'RUS', 2, 59.9343, 30.3351),
        place('Sochi', 'RUS', 1, 43.5855, 39.7231),
        place('Ulan-Ude', 'RUS', 1, 51.8335, 107.5841),
        place('Vostochny Cosmodrome, Amur Oblast', 'RUS', 2, 51.884, 128.334),
      ],
    });
    const labelled = seeds.circles.filter((circle) => circle.label !== undefined);
    expect(labelled.slice(0, 3).map((circle) => circle.name)).toEqual([
      'Pyongyang',
      'Moscow',
      'Vladivostok',
    ]);
    // No two labels overlap, none leaves the map (boxes as the layout estimates them).
    const boxes = labelled.map(({ label }) => {
      const width = label!.text.length * 7.5;
      const x0 =
        label!.anchor === 'start'
          ? label!.x
          : label!.anchor === 'end'
            ? label!.x - width
            : label!.x - width / 2;
      return { x0, x1: x0 + width, y0: label!.y - 12, y1: label!.y + 4 };
    });
    for (const [i, a] of boxes.entries()) {
      expect(a.x0).toBeGreaterThanOrEqual(4);
      expect(a.x1).toBeLessThanOrEqual(336);
      for (const b of boxes.slice(i + 1)) {
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
      }
    }
  });

  it('still draws a map with no located place', () => {
    const empty = layoutMap({ places: [] });
    expect(empty.circles).toEqual([]);
    expect(empty.countries.length).toBeGreaterThan(3);
  });
});
