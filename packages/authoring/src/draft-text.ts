import type { Actor, Briefing, BriefingType, Place } from '@briefing/schema';

/** A short headline for a draft, from its type, actors and first place. */
export function draftTitle({
  type,
  actors,
  places,
}: {
  type: BriefingType;
  actors: Actor[];
  places: Place[];
}): string {
  const visitors = actors.filter((actor) => actor.role === 'visitor');
  const principals =
    (type === 'visit' || type === 'site-visit' || type === 'delegation') && visitors.length > 0
      ? visitors
      : actors.filter((actor) => actor.role !== 'speaker');
  const names = (principals.length > 0 ? principals : actors)
    .slice(0, 2)
    .map((actor) => actor.name);
  const who = names.join(' and ');
  const place = places[0]?.name.split(',')[0];
  const where = (preposition: string) => (place === undefined ? '' : ` ${preposition} ${place}`);
  const one = names.length === 1;
  switch (type) {
    case 'visit':
    case 'site-visit':
      return place === undefined
        ? `${who} ${one ? 'travels' : 'travel'}`
        : `${who} ${one ? 'visits' : 'visit'} ${place}`;
    case 'summit':
      return `${who} ${one ? 'holds a summit' : 'meet'}${where(place?.match(/cosmodrome|palace|guesthouse/i) ? 'at' : 'in')}`;
    case 'talks':
      return `${who} ${one ? 'holds' : 'hold'} talks${where('in')}`;
    case 'call':
      return `${who} ${one ? 'holds a phone call' : 'speak by phone'}`;
    case 'agreement':
      return `${who} ${one ? 'signs' : 'sign'} an agreement${where('in')}`;
    case 'ratification':
      return `${who}: ratification`;
    case 'delegation':
      return `${who} ${one ? 'leads' : 'lead'} a delegation${where('to')}`;
    case 'commission':
      return `Intergovernmental commission meets${where('in')}`;
    default:
      return `${who}: ${type.replace('-', ' ')}${where('in')}`;
  }
}

/** A record id from the actors, the first place and the month: "lavrov-pyongyang-2023-10". */
export function draftId({
  actorSlugs,
  placeSlug,
  start,
  taken,
}: {
  actorSlugs: string[];
  placeSlug?: string;
  start: string;
  /** Ids already given in this run; a repeat gets "-2", "-3", … */
  taken: ReadonlySet<string>;
}): string {
  const parts = [...new Set(actorSlugs)].slice(0, 2);
  if (placeSlug !== undefined && !parts.includes(placeSlug)) parts.push(placeSlug);
  const base = `${
    parts
      .map(slugify)
      .filter((part) => part !== '')
      .join('-') || 'engagement'
  }-${start.slice(0, 7)}`.slice(0, 90);
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** Lowercase words joined by hyphens, letters folded to ASCII. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Joins note parts into at most `max` characters, shortening the longest quotations first. */
export function fitNote(parts: string[], max: number): string {
  let note = parts.join('; ');
  if (note.length <= max) return note;
  note = parts.map((part) => part.replace(/"([^"]{60})[^"]+"/g, '"$1…"')).join('; ');
  return note.length <= max ? note : `${note.slice(0, max - 1)}…`;
}

export type DraftFields = Pick<Briefing, 'title' | 'summary'>;
