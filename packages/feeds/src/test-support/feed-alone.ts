// Our feed items as `feed` itself takes them: what a document of `feed` alone holds, for the
// tests that compare our documents with it and the bench that times it.
import type { Item } from 'feed';
import type { FeedItem } from '../to-feed-item.js';

/** One of our items as a `feed` item: texts, dates, link and themes (with their scheme). */
export function feedAloneItem(item: FeedItem): Item {
  return {
    title: item.title,
    id: item.id,
    link: item.url,
    date: item.updated,
    published: item.published,
    description: item.summaryHtml,
    content: item.contentHtml,
    category: item.categories.map((c) => ({ name: c.label, term: c.term, scheme: c.scheme })),
  };
}
