import { atom1Frame, renderAtomEntries } from './atom1.js';
import { jsonFeedFrame, renderJsonItems } from './json-feed.js';
import type { FeedPage } from './feed-page.js';
import type { FeedFormat } from './paths.js';
import { frameParts, type DocumentFrame } from './render-once.js';
import { renderRssItems, rss2Frame } from './rss2.js';
import type { FeedItem } from './to-feed-item.js';

interface Renderer {
  /** Each item's fragment, UTF-8. */
  items(options: { items: readonly FeedItem[]; page: FeedPage }): Buffer[];
  frame(options: { page: FeedPage }): DocumentFrame;
}

/** One renderer per format: the items as fragments, and the document they go in. */
export const RENDERERS: Record<FeedFormat, Renderer> = {
  rss: { items: renderRssItems, frame: rss2Frame },
  atom: { items: renderAtomEntries, frame: atom1Frame },
  json: { items: renderJsonItems, frame: jsonFeedFrame },
};

/** One whole feed document of a page and its items (in page order), as UTF-8 bytes. */
export function renderFeedDocument({
  page,
  items,
  format,
}: {
  page: FeedPage;
  items: readonly FeedItem[];
  format: FeedFormat;
}): Buffer {
  const renderer = RENDERERS[format];
  const itemFragments = renderer.items({ items, page });
  return Buffer.concat(frameParts({ frame: renderer.frame({ page }), itemFragments }));
}
