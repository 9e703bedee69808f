import { Feed } from 'feed';
import type { Extension, Item } from 'feed';
import type { FeedPage } from './feed-page.js';
import type { FeedItem } from './to-feed-item.js';
import { GENERATOR, LANGUAGE, NS, PUBLISHER } from './namespaces.js';
import { addRootAttributes } from './xml-patch.js';
import {
  forCdata,
  forRawAttribute,
  forXmlText,
  renderItemFragments,
  resolveSentinels,
  splitAt,
  type DocumentFrame,
  type PassedThrough,
} from './render-once.js';

function atomLinks({ page }: { page: FeedPage }): Extension {
  const link = (rel: string, href: string, type?: string) => ({
    _attributes: { href: forRawAttribute(href), rel, ...(type === undefined ? {} : { type }) },
  });
  const links = [link('self', page.self.rss, 'application/rss+xml')];
  if (page.hubUrl !== undefined) links.push(link('hub', page.hubUrl));
  // RFC 5005 §3-4 links, in the Atom namespace as RSS 2.0 has no element of its own.
  if (page.archivePage !== undefined)
    links.push(link('current', page.current.rss, 'application/rss+xml'));
  if (page.prevArchive !== undefined)
    links.push(link('prev-archive', page.prevArchive.rss, 'application/rss+xml'));
  if (page.nextArchive !== undefined)
    links.push(link('next-archive', page.nextArchive.rss, 'application/rss+xml'));
  // feed writes its own self/hub links under this key; the extension replaces them with the full list.
  return { name: 'atom:link', objects: links as unknown as Record<string, unknown> };
}

function toRssItem(item: FeedItem): Item {
  return {
    title: forCdata(item.title),
    id: forXmlText(item.id),
    link: item.url,
    date: item.updated,
    published: item.published,
    description: forCdata(item.summaryHtml),
    content: forCdata(item.contentHtml),
    category: item.categories.map((category) => ({
      name: forXmlText(category.label),
      domain: forRawAttribute(category.scheme),
    })),
    // RSS <author> must be an e-mail address; a name alone belongs in dc:creator.
    extensions: [{ name: 'dc:creator', objects: { _text: forXmlText(PUBLISHER) } }],
  };
}

function channel({ page }: { page: FeedPage }): Feed {
  const feed = new Feed({
    id: page.feedId,
    title: forXmlText(page.title),
    description: forXmlText(page.description),
    link: page.homeUrl,
    language: LANGUAGE,
    // Without `updated` feed writes the build time: same records must give the same bytes.
    updated: page.updated,
    generator: GENERATOR,
    // Only feedLinks: feed's `feed` option would override every format's self link.
    feedLinks: { rss: page.self.rss },
    ...(page.hubUrl === undefined ? {} : { hub: page.hubUrl }),
  });
  feed.addExtension(atomLinks({ page }));
  if (page.archivePage !== undefined) feed.addExtension({ name: 'fh:archive', objects: {} });
  return feed;
}

/**
 * Each item's `<item>` as feed writes it, indented for its place in a channel. Rendered once per
 * record, in one pass, and shared by every RSS document the record appears in.
 */
export function renderRssItems({
  items,
  page,
  passThrough,
}: {
  items: readonly FeedItem[];
  page: FeedPage;
  /** Which CDATA texts pass through feed as stand-ins (default: all; see render-once.ts). */
  passThrough?: readonly PassedThrough[];
}): Buffer[] {
  return renderItemFragments({
    makeFeed: () => channel({ page }),
    items,
    toItem: toRssItem,
    render: (feed) => feed.rss2(),
    open: '\n        <item>',
    end: '\n    </channel>',
    passThrough,
  });
}

/** An RSS 2.0 document of one page, split where its items go. */
export function rss2Frame({ page }: { page: FeedPage }): DocumentFrame {
  const xml = addRootAttributes({
    xml: resolveSentinels(channel({ page }).rss2()),
    root: 'rss',
    attributes: {
      'xmlns:atom': NS.atom,
      'xmlns:dc': NS.dc,
      'xmlns:content': NS.content,
      ...(page.archivePage === undefined ? {} : { 'xmlns:fh': NS.fh }),
    },
  });
  return splitAt({ xml, marker: '\n    </channel>', separator: '' });
}
