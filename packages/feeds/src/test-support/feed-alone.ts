// Our feed items as `feed` itself takes them: what a document of `feed` alone holds, for the
// tests that compare our documents with it and the benches that time it.
import { Feed, type Item } from 'feed';
import { PUBLISHER } from '../namespaces.js';
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

/**
 * The benches' baseline: `feed` alone rendering the same items once, one all-briefings document
 * per format (RSS, Atom, JSON), with no archives, scopes, calendar or fixes of ours. The items
 * are ours, made beforehand (toFeedItem): the same fields and texts our documents carry (tag:
 * id, link, title, updated and published dates, the summary and full HTML content, themes with
 * their scheme, the publisher as dc:creator). Returns the characters written.
 */
export function renderWithFeedAlone({
  items,
  siteUrl,
}: {
  items: readonly FeedItem[];
  siteUrl: string;
}): number {
  const feed = new Feed({
    id: siteUrl,
    title: 'Russia–DPRK briefings',
    link: siteUrl,
    updated: new Date('2030-01-01'),
    feedLinks: { rss: `${siteUrl}feeds/all.rss`, atom: `${siteUrl}feeds/all.atom` },
    author: { name: PUBLISHER, link: siteUrl },
  });
  for (const item of items) {
    const plain = feedAloneItem(item);
    feed.addItem({
      ...plain,
      // RSS names a category's scheme as its domain.
      category: plain.category!.map((category) => ({ ...category, domain: category.scheme })),
      extensions: [{ name: 'dc:creator', objects: { _text: PUBLISHER } }],
    });
  }
  return feed.rss2().length + feed.atom1().length + feed.json1().length;
}
