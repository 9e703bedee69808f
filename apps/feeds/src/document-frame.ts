import type { Feed, Item } from 'feed';
import type { FeedItem } from './to-feed-item.js';
import { ITEM_MARK, cutItems } from './xml-text.js';
/**
 * A rendered feed document cut where its items go, so that item fragments rendered once can be
 * placed into every document that lists them.
 */
export interface DocumentFrame {
  head: string;
  tail: string;
  /** Between two item fragments ("," in JSON). */
  separator: string;
}

/** Cut a document before the last occurrence of a marker (a closing tag feed writes). */
export function splitAt({
  xml,
  marker,
  separator,
}: {
  xml: string;
  marker: string;
  separator: string;
}): DocumentFrame {
  const at = xml.lastIndexOf(marker);
  if (at === -1) throw new Error(`feed output has no ${JSON.stringify(marker)}`);
  return { head: xml.slice(0, at), tail: xml.slice(at), separator };
}

/** The whole document as text. */
export function assemble({
  frame,
  itemFragments,
}: {
  frame: DocumentFrame;
  itemFragments: readonly string[];
}): string {
  return `${frame.head}${itemFragments.join(frame.separator)}${frame.tail}`;
}

/**
 * The whole document as UTF-8 byte parts in order, from fragments already encoded: joined with
 * Buffer.concat, or hashed part by part, without building a large string.
 */
export function frameParts({
  frame,
  itemFragments,
}: {
  frame: DocumentFrame;
  itemFragments: readonly Buffer[];
}): Buffer[] {
  const parts: Buffer[] = [Buffer.from(frame.head, 'utf8')];
  const separator = Buffer.from(frame.separator, 'utf8');
  itemFragments.forEach((fragment, index) => {
    if (index > 0 && separator.byteLength > 0) parts.push(separator);
    parts.push(fragment);
  });
  parts.push(Buffer.from(frame.tail, 'utf8'));
  return parts;
}

// Items per document rendered at once: large enough that the channel head is written rarely,
// small enough that the intermediate strings stay in V8's young generation and are freed cheaply
// (one document of 10,000 items left ~400 MiB of garbage in old space).
export const ITEMS_PER_RENDER = 100;

/**
 * Render items in feed documents of ITEMS_PER_RENDER items and cut them into one fragment per
 * item (rendering one document per item would write the whole channel head each time).
 */
export function renderItemFragments({
  makeFeed,
  items,
  toItem,
  render,
  open,
  end,
}: {
  /** A feed with no items yet. */
  makeFeed: () => Feed;
  items: readonly FeedItem[];
  toItem: (item: FeedItem) => Item;
  render: (feed: Feed) => string;
  /** The text that opens an item, with its indentation. */
  open: string;
  /** The text that follows the last item. */
  end: string;
}): string[] {
  const fragments: string[] = [];
  for (let start = 0; start < items.length; start += ITEMS_PER_RENDER) {
    const feed = makeFeed();
    for (const item of items.slice(start, start + ITEMS_PER_RENDER)) {
      const rendered = toItem(item);
      feed.addItem({ ...rendered, title: `${ITEM_MARK}${rendered.title}` });
    }
    fragments.push(...cutItems({ xml: render(feed), open, end }));
  }
  return fragments;
}
