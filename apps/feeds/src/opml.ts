import type { FeedLinks, FeedScope } from './paths.js';
import { absoluteUrl } from './to-feed-item.js';
import { scopePagePath } from './paths.js';
import { escapeXmlAttribute, cleanText } from './xml-text.js';

const GROUPS: { kind: FeedScope['kind']; title: string }[] = [
  { kind: 'all', title: 'All briefings' },
  { kind: 'theme', title: 'By theme' },
  { kind: 'type', title: 'By kind of engagement' },
  { kind: 'country', title: 'By country taking part' },
];

/**
 * OPML 2.0 subscription list of every feed. No library writes OPML; every value is escaped, and
 * the tests parse the result with a strict XML parser.
 */
export function renderOpml({
  feeds,
  siteUrl,
}: {
  feeds: readonly { scope: FeedScope; links: FeedLinks }[];
  siteUrl: string;
}): string {
  const attr = (value: string) => escapeXmlAttribute(cleanText(value));
  const outline = (
    { scope, links }: { scope: FeedScope; links: FeedLinks },
    format: 'rss' | 'atom',
  ) => {
    const title = `${links.title} (${format === 'rss' ? 'RSS' : 'Atom'})`;
    const xmlUrl = absoluteUrl({ siteUrl, path: links[format] });
    const htmlUrl = absoluteUrl({ siteUrl, path: scopePagePath({ scope }) });
    // OPML 2.0 §subscription lists: type="rss" for any feed; version tells RSS from Atom.
    return `      <outline type="rss" version="${format === 'rss' ? 'RSS2' : 'ATOM1'}" text="${attr(title)}" title="${attr(title)}" xmlUrl="${attr(xmlUrl)}" htmlUrl="${attr(htmlUrl)}"/>`;
  };
  const groups = GROUPS.map((group) => {
    const members = feeds.filter((feed) => feed.scope.kind === group.kind);
    const lines = members.flatMap((feed) => [outline(feed, 'rss'), outline(feed, 'atom')]);
    return `    <outline text="${attr(group.title)}">\n${lines.join('\n')}\n    </outline>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>Russia–DPRK briefings: every feed</title>',
    `    <ownerId>${attr(siteUrl)}</ownerId>`,
    '  </head>',
    '  <body>',
    ...groups,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
