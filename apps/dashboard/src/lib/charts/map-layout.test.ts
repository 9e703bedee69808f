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

  it('still draws a map with no located place', () => {
    const empty = layoutMap({ places: [] });
    expect(empty.circles).toEqual([]);
    expect(empty.countries.length).toBeGreaterThan(3);
  });
});
