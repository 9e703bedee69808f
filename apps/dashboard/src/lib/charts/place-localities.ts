import type { Briefing } from '@briefing/schema';
import { countPlaces, placeKey, type PlaceCount } from './place-counts.js';

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
 * more records that lies within LOCALITY_DEGREES, so that a city's circle counts every record at
 * any of its sites (once each), instead of hiding small circles under it. Places without
 * coordinates stay on their own. Sorted by count, then name.
 */
export function countLocalities({ records }: { records: readonly Briefing[] }): Locality[] {
  const localities: Locality[] = [];
  const localityOf = new Map<string, Locality>();
  for (const place of countPlaces({ records })) {
    const near =
      place.lat === undefined || place.lon === undefined
        ? undefined
        : localities.find(
            (locality) =>
              locality.lat !== undefined &&
              locality.lon !== undefined &&
              Math.abs(locality.lat - place.lat!) <= LOCALITY_DEGREES &&
              Math.abs(locality.lon - place.lon!) <= LOCALITY_DEGREES,
          );
    if (near === undefined) {
      const locality: Locality = { ...place, count: 0, sites: [] };
      localities.push(locality);
      localityOf.set(place.key, locality);
    } else {
      near.sites.push(place.name);
      localityOf.set(place.key, near);
    }
  }
  for (const record of records) {
    const counted = new Set<Locality>();
    for (const place of record.places) {
      const locality = localityOf.get(placeKey(place))!;
      if (!counted.has(locality)) {
        counted.add(locality);
        locality.count += 1;
      }
    }
  }
  return localities
    .map(namedByItsCity)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * The locality takes the name the others are "in" ("Vladivostok" for "Russky Island,
 * Vladivostok"), else the name of its place with the most records.
 */
function namedByItsCity(locality: Locality): Locality {
  const names = [locality.name, ...locality.sites];
  const within = (name: string) => names.filter((other) => other.endsWith(`, ${name}`)).length;
  const city = names.reduce((best, name) => (within(name) > within(best) ? name : best));
  return { ...locality, name: city, sites: names.filter((name) => name !== city) };
}
