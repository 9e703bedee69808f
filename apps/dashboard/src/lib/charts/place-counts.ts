import type { Briefing } from '@briefing/schema';

/** A place and how many records took place there. */
export interface PlaceCount {
  key: string;
  name: string;
  country: string;
  lat?: number;
  lon?: number;
  count: number;
}

/** A place's identity across records: its country and its name as written. */
export const placeKey = (place: { country: string; name: string }): string =>
  `${place.country}:${place.name}`;

/**
 * Records per place, a place being its name and country as written in the records; a record
 * naming a place twice counts once. With `engagementOf` (record id → engagement id), a place
 * counts engagements instead: a trip whose legs were there counts once. Sorted by count, then
 * name.
 */
export function countPlaces({
  records,
  engagementOf,
}: {
  records: readonly Briefing[];
  engagementOf?: ReadonlyMap<string, string>;
}): PlaceCount[] {
  const byKey = new Map<string, PlaceCount>();
  const seen = new Set<string>();
  for (const record of records) {
    const unit = engagementOf?.get(record.id) ?? record.id;
    for (const place of record.places) {
      const key = placeKey(place);
      if (seen.has(`${unit} ${key}`)) continue;
      seen.add(`${unit} ${key}`);
      let entry = byKey.get(key);
      if (entry === undefined) {
        entry = { key, name: place.name, country: place.country, count: 0 };
        if (place.lat !== undefined && place.lon !== undefined) {
          entry.lat = place.lat;
          entry.lon = place.lon;
        }
        byKey.set(key, entry);
      }
      entry.count += 1;
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
