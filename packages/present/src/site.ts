/** The site's name: page titles, feed titles, the publisher of every feed and entry. */
export const SITE_NAME = 'Russia–DPRK briefings';

/** A page's <title>: "Space · Russia–DPRK briefings", or the site name alone. */
export function pageTitle(part?: string): string {
  return part === undefined || part === '' ? SITE_NAME : `${part} · ${SITE_NAME}`;
}
