import { Feed } from 'feed';
import type { Item } from 'feed';
import type { FeedPage } from './feed-page.js';
import type { FeedItem } from './to-feed-item.js';
import { GENERATOR, LANGUAGE, NS, PUBLISHER } from './namespaces.js';
import { addRootAttributes, emptyElement } from './xml-patch.js';
import { escapeHtml } from '@briefing/present';
import {
  forCdata,
  forSanitizedAttribute,
  forXmlText,
  renderItemFragments,
  resolveSentinels,
  splitAt,
  type DocumentFrame,
  type PassedThrough,
} from './render-once.js';

const ATOM = 'application/atom+xml';

function historyElements({ page }: { page: FeedPage }): string[] {
  const link = (rel: string, href: string) =>
    emptyElement({ name: 'link', attributes: { rel, type: ATOM, href } });
  const elements: string[] = [];
  // RFC 5005 §4: archive documents say so and point back at the subscription document.
  if (page.archivePage !== undefined) {
    elements.push('<fh:archive/>', link('current', page.current.atom));
  }
  if (page.prevArchive !== undefined) elements.push(link('prev-archive', page.prevArchive.atom));
  if (page.nextArchive !== undefined) elements.push(link('next-archive', page.nextArchive.atom));
  return elements;
}

function toAtomEntry(item: FeedItem): Item {
  return {
    // feed always writes type="html": the plain-text title is escaped as HTML first.
    title: forCdata(escapeHtml(item.title)),
    // A tag: URI: feed passes ids through new URL(), which throws on anything else.
    id: item.id,
    // Always set: without a link feed writes an empty <link/>, which has no href.
    link: item.url,
    date: item.updated,
    published: item.published,
    description: forCdata(item.summaryHtml),
    content: forCdata(item.contentHtml),
    category: item.categories.map((category) => ({
      name: forSanitizedAttribute(category.label),
      term: forSanitizedAttribute(category.term),
      scheme: category.scheme,
    })),
  };
}

function atomFeed({ page }: { page: FeedPage }): Feed {
  const feed = new Feed({
    id: page.feedId,
    title: forXmlText(page.title),
    description: forXmlText(page.description),
    link: page.homeUrl,
    updated: page.updated,
    generator: GENERATOR,
    feedLinks: { atom: page.self.atom },
    ...(page.hubUrl === undefined ? {} : { hub: page.hubUrl }),
    // The feed-level author covers every entry (RFC 4287 §4.1.1 requires one or the other).
    author: { name: forXmlText(PUBLISHER), link: page.siteUrl },
  });
  return feed;
}

/** Each item's `<entry>` as feed writes it; rendered in one pass, shared by every Atom document. */
export function renderAtomEntries({
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
    makeFeed: () => atomFeed({ page }),
    items,
    toItem: toAtomEntry,
    render: (feed) => feed.atom1(),
    open: '\n    <entry>',
    end: '\n</feed>',
    passThrough,
  });
}

/** An Atom 1.0 document of one page, split where its entries go. */
export function atom1Frame({ page }: { page: FeedPage }): DocumentFrame {
  const history = historyElements({ page });
  const xml = addRootAttributes({
    xml: resolveSentinels(atomFeed({ page }).atom1()),
    root: 'feed',
    // feed writes no xml:lang; RFC 4287 §2 lets it sit on the root and apply to every entry.
    attributes: {
      'xml:lang': LANGUAGE,
      ...(history.length > 0 ? { 'xmlns:fh': NS.fh } : {}),
    },
  });
  const frame = splitAt({ xml, marker: '\n</feed>', separator: '' });
  return {
    ...frame,
    head: `${frame.head}${history.map((element) => `\n    ${element}`).join('')}`,
  };
}
