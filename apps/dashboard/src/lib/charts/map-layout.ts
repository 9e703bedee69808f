import { countryName, countryNumericCode } from '@briefing/schema';
import { geoConicConformal, geoPath } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import type { PlaceCount } from './place-counts.js';
import type { Locality } from './place-localities.js';

/**
 * The map shows Russia, the Koreas and their neighbours: places outside this box (a UN vote in
 * New York) would shrink East Asia to a dot, so they are listed beside the map instead.
 */
export const MAP_REGION = { west: 20, east: 180, south: 15, north: 78 } as const;
/** Degrees of margin around the places, so that a single place still shows its surroundings. */
const PADDING_DEGREES = 6;

export interface MapCountry {
  id: string;
  name: string;
  d: string;
  /** Russia and North Korea are drawn stronger. */
  focus: boolean;
}

/** Where a label's text is anchored: right of its circle, left of it, or centred above or below. */
export type LabelAnchor = 'start' | 'end' | 'middle';

export interface MapCircle {
  key: string;
  name: string;
  /** Other places drawn in this circle. */
  sites: string[];
  country: string;
  count: number;
  x: number;
  y: number;
  r: number;
  /** A label for the largest circles whose label does not overlap another. */
  label?: { text: string; x: number; y: number; anchor: LabelAnchor };
}

export interface MapLayout {
  width: number;
  height: number;
  countries: MapCountry[];
  circles: MapCircle[];
  /** Places with coordinates outside MAP_REGION. */
  offMap: PlaceCount[];
  /** Places without coordinates. */
  unlocated: PlaceCount[];
}

const FOCUS = new Set(['RUS', 'PRK'].map((code) => countryNumericCode(code)));
const LABELLED = 8;
const CHAR_WIDTH = 7.5;
const LABEL_HEIGHT = 16;

let countriesGeo: FeatureCollection<Geometry, { name: string }> | undefined;

type Topology = Parameters<typeof feature>[0];

function worldCountries(): FeatureCollection<Geometry, { name: string }> {
  if (countriesGeo === undefined) {
    const topology = world as unknown as Topology;
    countriesGeo = feature(topology, topology.objects.countries!) as FeatureCollection<
      Geometry,
      { name: string }
    >;
  }
  return countriesGeo;
}

const inRegion = (place: PlaceCount): boolean =>
  place.lat !== undefined &&
  place.lon !== undefined &&
  place.lon >= MAP_REGION.west &&
  place.lon <= MAP_REGION.east &&
  place.lat >= MAP_REGION.south &&
  place.lat <= MAP_REGION.north;

/** The places the map cannot show: outside MAP_REGION, or without coordinates. */
export function notOnMap<T extends PlaceCount>(
  places: readonly T[],
): { offMap: T[]; unlocated: T[] } {
  return {
    offMap: places.filter((place) => place.lat !== undefined && !inRegion(place)),
    unlocated: places.filter((place) => place.lat === undefined),
  };
}

// Country outlines depend only on the fitted extent: keep the last few, they are the costly part.
const outlineCache = new Map<string, MapCountry[]>();

/** A conic projection fitted to the places, country outlines, and a circle per place sized by count. */
export function layoutMap({
  places,
  width = 960,
  height = 480,
}: {
  places: readonly (PlaceCount | Locality)[];
  width?: number;
  height?: number;
}): MapLayout {
  const located = places.filter(inRegion);
  const { offMap, unlocated } = notOnMap(places);
  const lons = located.map((place) => place.lon!);
  const lats = located.map((place) => place.lat!);
  // Without any located place, show the two countries the tracker is about.
  const west = Math.max(MAP_REGION.west, Math.min(...lons, 125) - PADDING_DEGREES);
  const east = Math.min(MAP_REGION.east, Math.max(...lons, 125) + PADDING_DEGREES);
  const south = Math.max(MAP_REGION.south, Math.min(...lats, 39) - PADDING_DEGREES);
  const north = Math.min(MAP_REGION.north, Math.max(...lats, 39) + PADDING_DEGREES);
  const centre = (west + east) / 2;
  const projection = geoConicConformal()
    .parallels([south + (north - south) / 4, north - (north - south) / 4])
    .rotate([-centre, 0])
    .fitExtent(
      [
        [12, 12],
        [width - 12, height - 12],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [west, south],
          [east, south],
          [west, north],
          [east, north],
          [centre, north],
          [centre, south],
        ],
      },
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);

  const key = [width, height, west, east, south, north].join(' ');
  let countries = outlineCache.get(key);
  if (countries === undefined) {
    const path = geoPath(projection).digits(1);
    countries = worldCountries()
      .features.map((country) => ({
        id: String(country.id),
        name: country.properties.name,
        d: path(country) ?? '',
        focus: FOCUS.has(String(country.id)),
      }))
      .filter((country) => country.d !== '');
    if (outlineCache.size > 8) outlineCache.clear();
    outlineCache.set(key, countries);
  }

  const max = Math.max(1, ...located.map((place) => place.count));
  const radius = scaleSqrt().domain([0, max]).range([0, 22]);
  const circles: MapCircle[] = located
    .map((place) => {
      const [x, y] = projection([place.lon!, place.lat!]) ?? [0, 0];
      return {
        key: place.key,
        name: place.name,
        sites: 'sites' in place ? place.sites : [],
        country: countryName(place.country),
        count: place.count,
        x: Math.round(x * 10) / 10,
        y: Math.round(y * 10) / 10,
        r: Math.max(4, Math.round(radius(place.count) * 10) / 10),
      };
    })
    // Big circles first, so that small ones are drawn on top and stay visible.
    .sort((a, b) => b.r - a.r || a.key.localeCompare(b.key));
  placeLabels({ circles, width, height });

  return { width, height, countries, circles, offMap, unlocated };
}

/**
 * Label the biggest circles, each where it first fits in the map without overlapping a label
 * already placed (PLACEMENTS); a circle with no such place goes without.
 */
function placeLabels({
  circles,
  width,
  height,
}: {
  circles: MapCircle[];
  width: number;
  height: number;
}): void {
  const boxes: LabelBox[] = [];
  let labelled = 0;
  for (const circle of circles) {
    if (labelled >= LABELLED) break;
    const text = `${circle.name.split(',')[0]!.trim()} (${circle.count})`;
    const textWidth = text.length * CHAR_WIDTH;
    // Right first: a label reads on from its circle. The rest are for crowded corners: once the
    // map reaches as far south as Laos, Vladivostok sits just above Pyongyang near the right
    // edge, and level with its circle its label fits neither there nor beside Pyongyang's.
    for (const { side, shift } of PLACEMENTS) {
      const { box, x, y, anchor } = labelAt({ circle, textWidth, side, shift });
      const inside = box.x0 >= 4 && box.x1 <= width - 4 && box.y0 >= 0 && box.y1 <= height;
      if (!inside || boxes.some((placed) => overlap(placed, box))) continue;
      boxes.push(box);
      circle.label = { text, x, y, anchor };
      labelled += 1;
      break;
    }
  }
}

type Side = 'right' | 'left' | 'above' | 'below';

/**
 * Where a label is tried, in order: beside its circle, level with it or moved up or down a
 * little (a few pixels clear a neighbour's label), then above or below it.
 */
const PLACEMENTS: { side: Side; shift: number }[] = [
  ...[0, -4, 4, -8, 8].flatMap((shift) => [
    { side: 'right' as const, shift },
    { side: 'left' as const, shift },
  ]),
  { side: 'above', shift: 0 },
  { side: 'below', shift: 0 },
];

interface LabelBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A label's box and where its text is anchored (its baseline 4 px below the box's middle). */
function labelAt({
  circle,
  textWidth,
  side,
  shift,
}: {
  circle: MapCircle;
  textWidth: number;
  side: Side;
  /** Pixels down (up if negative) from the label's place level with its circle. */
  shift: number;
}): { box: LabelBox; x: number; y: number; anchor: LabelAnchor } {
  const gap = circle.r + 4;
  const middle =
    side === 'above'
      ? circle.y - gap - LABEL_HEIGHT / 2
      : side === 'below'
        ? circle.y + gap + LABEL_HEIGHT / 2
        : circle.y + shift;
  const x = side === 'right' ? circle.x + gap : side === 'left' ? circle.x - gap : circle.x;
  const anchor = side === 'right' ? 'start' : side === 'left' ? 'end' : 'middle';
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - textWidth : x - textWidth / 2;
  return {
    box: { x0, x1: x0 + textWidth, y0: middle - LABEL_HEIGHT / 2, y1: middle + LABEL_HEIGHT / 2 },
    x,
    y: middle + 4,
    anchor,
  };
}

const overlap = (a: LabelBox, b: LabelBox): boolean =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
