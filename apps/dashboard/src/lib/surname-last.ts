// Which actors' names end with the surname, from the people gazetteer: a label too long for its
// room can then show the surname alone ("Pulikovsky").
import people from '@briefing/authoring/data/people.json';

// Korean and Chinese names put the family name first ("Kim Jong Un", "Kong Xuanyou").
const FAMILY_NAME_FIRST = new Set(['PRK', 'KOR', 'CHN']);

const SURNAME_LAST = new Set(
  people
    .filter((entry) => entry.kind === 'person' && !FAMILY_NAME_FIRST.has(entry.country))
    .map((entry) => entry.name),
);

/** Whether `name` is a person's in the gazetteer whose surname comes last. */
export function putsSurnameLast(name: string): boolean {
  return SURNAME_LAST.has(name);
}
