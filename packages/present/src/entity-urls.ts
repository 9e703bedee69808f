// The URLs of actors, places and the network view. Browser-safe: no schema code.

/** A URL slug: lowercase letters and digits of any script, words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The index of actors (people and bodies), and of places. */
export const ACTORS_PATH = '/actors';
export const PLACES_PATH = '/places';

/** The page of an actor, by its slug (see the actor index). */
export const actorPath = (slug: string): string => `/actors/${encodeURIComponent(slug)}`;

/** The page of a place, by its slug. */
export const placePath = (slug: string): string => `/places/${encodeURIComponent(slug)}`;

/** The Atom, RSS and JSON feeds of an actor or a place, served beside the other feeds. */
export function entityFeedPaths({ kind, slug }: { kind: 'actor' | 'place'; slug: string }): {
  atom: string;
  rss: string;
  json: string;
} {
  const base = `/feeds/${kind === 'actor' ? 'actors' : 'places'}/${encodeURIComponent(slug)}`;
  return { atom: `${base}.atom`, rss: `${base}.rss`, json: `${base}.json` };
}

/** The network view, optionally filtered. */
export const networkPath = (): string => '/network';

/**
 * The Internet Archive's copy of a cited web page, nearest to the day it was published (or its
 * newest copy when the date is unknown), so that a citation outlives the page.
 */
export function archivedCopyUrl({ url, published }: { url: string; published?: string }): string {
  const timestamp = published === undefined ? '' : `${published.replaceAll('-', '')}/`;
  return `https://web.archive.org/web/${timestamp}${url}`;
}
