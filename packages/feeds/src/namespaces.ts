import { SITE_NAME } from '@briefing/present';

/** XML namespaces used in the RSS and Atom documents. */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  // RFC 5005 feed history.
  fh: 'http://purl.org/syndication/history/1.0',
} as const;

/** The publisher named as author of every feed and entry: the site. */
export const PUBLISHER = SITE_NAME;
export const GENERATOR = 'briefing-feeds';
export const LANGUAGE = 'en';
