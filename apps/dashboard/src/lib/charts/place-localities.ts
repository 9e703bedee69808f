import type { Briefing } from '@briefing/schema';
import { placeKey, type PlaceCount } from './place-counts.js';

/** A spot on the map: places close enough to share one circle, counted once per record. */
export interface Locality extends PlaceCount {
  /** The other places drawn in this circle ("Russky Island, Vladivostok"…), most records first. */
  sites: string[];
}

/**
 * How close (in degrees of latitude and of longitude) a place must be to a locality's main place
 * to be drawn in its circle: a city and the sites in it (a university, an embassy, a ship in port,
 * ~10 km), not the next town (Artyom is ~0.3° from Vladivostok).
 */
export const LOCALITY_DEGREES = 0.15;

/**
 * Records per locality: each place with coordinates joins the locality of the first place with
 * more records that lies within LOCALITY_DEGREES of it, so that a city's circle counts every
 * record at any of its sites (once each), instead of hiding small circles under it. Places
 * without coordinates stay on their own. `places` are countPlaces' counts of the same records.
 * Sorted by count, then name.
 */
export function countLocalities({
  records,
  places,
}: {
  records: readonly Briefing[];
  places: readonly PlaceCount[];
}): Locality[] {
  const groups: PlaceCount[][] = [];
  const groupOf = new Map<string, PlaceCount[]>();
  for (const place of places) {
    const near =
      place.lat === undefined || place.lon === undefined
        ? undefined
        : groups.find(([first]) => isNear(first!, place));
    const group = near ?? [];
    if (near === undefined) groups.push(group);
    group.push(place);
    groupOf.set(place.key, group);
  }
  const counts = new Map<PlaceCount[], number>();
  for (const record of records) {
    for (const group of new Set(record.places.map((place) => groupOf.get(placeKey(place))!))) {
      counts.set(group, (counts.get(group) ?? 0) + 1);
    }
  }
  return groups
    .map((group) => toLocality(group, counts.get(group) ?? 0))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

const isNear = (a: PlaceCount, b: PlaceCount): boolean =>
  a.lat !== undefined &&
  a.lon !== undefined &&
  Math.abs(a.lat - b.lat!) <= LOCALITY_DEGREES &&
  Math.abs(a.lon - b.lon!) <= LOCALITY_DEGREES;

/**
 * A locality is drawn at, and named after, the place the others are "in" ("Vladivostok" for
 * "Russky Island, Vladivostok"), else its place with the most records.
 */
function toLocality(group: readonly PlaceCount[], count: number): Locality {
  const within = (place: PlaceCount) =>
    group.filter((other) => other.name.endsWith(`, ${place.name}`)).length;
  const main = group.reduce((best, place) => (within(place) > within(best) ? place : best));
  // The same name in two countries (the two banks of a border bridge) is one site on the map.
  const sites = [...new Set(group.map((place) => place.name))].filter((name) => name !== main.name);
  return { ...main, count, sites };
}
