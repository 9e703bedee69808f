import type { FeedLinks, FeedScope } from './paths.js';
import { absoluteUrl } from './to-feed-item.js';
import { scopePagePath } from './paths.js';
import { SITE_NAME, cleanText } from '@briefing/present';
import { escapeXmlAttribute } from './xml-text.js';

const GROUPS: { kind: FeedScope['kind']; title: string }[] = [
  { kind: 'all', title: 'All briefings' },
  { kind: 'theme', title: 'By theme' },
  { kind: 'type', title: 'By kind of engagement' },
  { kind: 'country', title: 'By country concerned' },
];

/**
 * OPML 2.0 subscription list of every feed, in one format: each feed once, so that a reader
 * importing it does not subscribe to the same items twice. No library writes OPML; every value
 * is escaped, and the tests parse the result with a strict XML parser.
 */
export function renderOpml({
  feeds,
  siteUrl,
  format,
}: {
  feeds: readonly { scope: FeedScope; links: FeedLinks }[];
  siteUrl: string;
  format: 'rss' | 'atom';
}): string {
  const attr = (value: string) => escapeXmlAttribute(cleanText(value));
  // OPML 2.0: type="rss" for any feed; version "RSS" means RSS 0.91–2.0 and has no Atom value.
  const version = format === 'rss' ? ' version="RSS"' : '';
  const outline = ({ scope, links }: { scope: FeedScope; links: FeedLinks }) => {
    const xmlUrl = absoluteUrl({ siteUrl, path: links[format] });
    const htmlUrl = absoluteUrl({ siteUrl, path: scopePagePath({ scope }) });
    return `      <outline type="rss"${version} text="${attr(links.title)}" title="${attr(links.title)}" xmlUrl="${attr(xmlUrl)}" htmlUrl="${attr(htmlUrl)}"/>`;
  };
  const groups = GROUPS.map((group) => {
    const lines = feeds.filter((feed) => feed.scope.kind === group.kind).map(outline);
    return `    <outline text="${attr(group.title)}">\n${lines.join('\n')}\n    </outline>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${SITE_NAME}: every feed (${format === 'rss' ? 'RSS' : 'Atom'})</title>`,
    `    <ownerId>${attr(siteUrl)}</ownerId>`,
    '  </head>',
    '  <body>',
    ...groups,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
