import type { FeedPage } from './feed-page.js';
import type { FeedItem } from './to-feed-item.js';
import type { DocumentFrame } from './render-once.js';
import { LANGUAGE, PUBLISHER } from './namespaces.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
// For people reading the JSON: what the `_rfc5005` extension means.
const RFC5005_ABOUT = 'https://www.rfc-editor.org/rfc/rfc5005';
('https://www.rfc-editor.org/rfc/rfc5005 (archived feeds, as in the Atom and RSS feeds)');

// "<" escaped too, so the document is inert even if some client embeds it in HTML.
const stringify = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

/** Each item object of JSON Feed 1.1, serialised once (UTF-8) and shared by every document. */
export function renderJsonItems({ items }: { items: readonly FeedItem[] }): Buffer[] {
  return items.map((item) => Buffer.from(renderJsonItem(item), 'utf8'));
}

function renderJsonItem(item: FeedItem): string {
  return stringify({
    id: item.id,
    url: item.url,
    title: item.title,
    content_html: item.contentHtml,
    content_text: item.contentText,
    summary: item.summary,
    date_published: item.published.toISOString(),
    date_modified: item.updated.toISOString(),
    tags: item.categories.map((category) => category.label),
    language: LANGUAGE,
  });
}

/**
 * Render one feed page as JSON Feed 1.1, from the same item model as RSS and Atom (feed's json1()
 * writes version 1.0). Pagination: `next_url` points at the next older document, as JSON Feed
 * defines it, and the `_rfc5005` extension carries the same archive links as the XML feeds.
 */
export function jsonFeedFrame({ page }: { page: FeedPage }): DocumentFrame {
  const history = {
    about: RFC5005_ABOUT,
    ...(page.archivePage === undefined ? {} : { archive: true, current: page.current.json }),
    ...(page.prevArchive === undefined ? {} : { prev_archive: page.prevArchive.json }),
    ...(page.nextArchive === undefined ? {} : { next_archive: page.nextArchive.json }),
  };
  const head = stringify({
    version: JSON_FEED_VERSION,
    title: page.title,
    home_page_url: page.homeUrl,
    // The feed's identity (JSON Feed 1.1), the same on its archive pages, as Atom's id is.
    feed_url: page.current.json,
    description: page.description,
    ...(page.prevArchive === undefined ? {} : { next_url: page.prevArchive.json }),
    authors: [{ name: PUBLISHER, url: page.siteUrl }],
    language: LANGUAGE,
    ...(page.hubUrl === undefined ? {} : { hubs: [{ type: 'WebSub', url: page.hubUrl }] }),
    _rfc5005: history,
    items: [],
  });
  // The head ends with "[]}": the items go between the brackets.
  return { head: head.slice(0, -2), tail: ']}\n', separator: ',' };
}
