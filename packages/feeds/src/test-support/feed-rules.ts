// Checks the W3C Feed Validation Service makes (validator.w3.org/feed/docs/, its error and warning
// messages), encoded as assertions on a parsed document; each returns every problem it finds.
import { readXml, textOf } from './xml.js';

// RFC 822 as the validator wants it (4-digit year; "Incorrect day of week" and bad zones flagged).
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function isAbsoluteUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

function checkRfc822(value: string, where: string, problems: string[]): void {
  const match = RFC822.exec(value);
  if (match === null) {
    problems.push(`${where}: not an RFC 822 date with a 4-digit year: "${value}"`);
    return;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) problems.push(`${where}: unparseable date "${value}"`);
  else if (DAYS[date.getUTCDay()] !== match[1]) problems.push(`${where}: incorrect day of week`);
}

/** Problems the Feed Validator would report for an RSS 2.0 document (errors and warnings). */
export function rssProblems(xml: string, { selfUrl }: { selfUrl: string }): string[] {
  const problems: string[] = [];
  if (xml.includes('undefined')) problems.push('the text "undefined" appears in the document');
  const doc = readXml(xml);
  const rss = doc.rss;
  if (rss?.['@_version'] !== '2.0') problems.push('not RSS 2.0');
  const channel = rss?.channel;
  for (const name of ['title', 'link', 'description']) {
    if (textOf(channel?.[name]).trim() === '') problems.push(`channel: missing ${name}`);
  }
  if (!isAbsoluteUrl(textOf(channel?.link))) problems.push('channel link must be an absolute URL');
  if (!LANGUAGE.test(textOf(channel?.language))) problems.push('channel: invalid language');
  checkRfc822(textOf(channel?.lastBuildDate), 'lastBuildDate', problems);
  const links = asArray(channel?.['atom:link']) as Record<string, string>[];
  const self = links.filter((link) => link['@_rel'] === 'self');
  // "Missing atom:link with rel="self"" and "Self reference doesn't match document location".
  if (self.length !== 1) problems.push(`expected one atom:link rel=self, found ${self.length}`);
  else if (self[0]!['@_href'] !== selfUrl)
    problems.push(`self link ${self[0]!['@_href']} is not ${selfUrl}`);
  for (const link of links) {
    if (!isAbsoluteUrl(link['@_href'] ?? ''))
      problems.push(`atom:link href not absolute: ${link['@_href']}`);
  }
  const guids = new Set<string>();
  for (const [index, item] of asArray(channel?.item).entries()) {
    const where = `item ${index}`;
    if (textOf(item.title).trim() === '' && textOf(item.description).trim() === '') {
      problems.push(`${where}: item must have a title or a description`);
    }
    if (!isAbsoluteUrl(textOf(item.link))) problems.push(`${where}: link must be an absolute URL`);
    const guid = textOf(item.guid);
    if (guid === '') problems.push(`${where}: missing guid`);
    if (guids.has(guid)) problems.push(`${where}: duplicate guid ${guid}`);
    guids.add(guid);
    // "guid must be a full URL, unless isPermaLink attribute is false".
    if (!isAbsoluteUrl(guid) && item.guid?.['@_isPermaLink'] !== 'false') {
      problems.push(`${where}: a guid that is not a URL needs isPermaLink="false"`);
    }
    checkRfc822(textOf(item.pubDate), `${where} pubDate`, problems);
    // RSS 2.0 <author> must be an e-mail address: names belong in dc:creator.
    for (const author of asArray(item.author)) {
      if (!/@/.test(textOf(author))) problems.push(`${where}: author is not an e-mail address`);
    }
    for (const category of asArray(item.category) as Record<string, string>[]) {
      if (textOf(category).trim() === '') problems.push(`${where}: empty category`);
      const domain = category['@_domain'];
      if (domain !== undefined && !isAbsoluteUrl(domain))
        problems.push(`${where}: category domain not absolute`);
    }
  }
  return problems;
}

/** Problems the Feed Validator would report for an Atom 1.0 document. */
export function atomProblems(xml: string, { selfUrl }: { selfUrl: string }): string[] {
  const problems: string[] = [];
  if (xml.includes('undefined')) problems.push('the text "undefined" appears in the document');
  const feed = readXml(xml).feed;
  if (feed?.['@_xmlns'] !== 'http://www.w3.org/2005/Atom') problems.push('not the Atom namespace');
  if (!LANGUAGE.test(feed?.['@_xml:lang'] ?? ''))
    problems.push('feed: missing or invalid xml:lang');
  const id = textOf(feed?.id);
  if (!URL.canParse(id)) problems.push(`feed id is not an absolute IRI: "${id}"`);
  if (textOf(feed?.title).trim() === '') problems.push('feed: missing title');
  if (!RFC3339.test(textOf(feed?.updated)))
    problems.push('feed updated: not an RFC 3339 date-time');
  const feedAuthor = asArray(feed?.author).some((author) => textOf(author?.name).trim() !== '');
  const links = asArray(feed?.link) as Record<string, string>[];
  for (const link of links) {
    if (!isAbsoluteUrl(link['@_href'] ?? ''))
      problems.push(`link href missing or relative: ${link['@_href']}`);
  }
  const self = links.filter((link) => link['@_rel'] === 'self');
  if (self.length !== 1) problems.push(`expected one link rel=self, found ${self.length}`);
  else if (self[0]!['@_href'] !== selfUrl)
    problems.push(`self link ${self[0]!['@_href']} is not ${selfUrl}`);
  const ids = new Set<string>();
  for (const [index, entry] of asArray(feed?.entry).entries()) {
    const where = `entry ${index}`;
    const entryId = textOf(entry.id);
    if (!URL.canParse(entryId)) problems.push(`${where}: id is not an absolute IRI`);
    if (ids.has(entryId)) problems.push(`${where}: duplicate id ${entryId}`);
    ids.add(entryId);
    if (textOf(entry.title).trim() === '') problems.push(`${where}: missing title`);
    if (!RFC3339.test(textOf(entry.updated))) problems.push(`${where}: updated not RFC 3339`);
    if (!RFC3339.test(textOf(entry.published))) problems.push(`${where}: published not RFC 3339`);
    if (textOf(entry.published) > textOf(entry.updated))
      problems.push(`${where}: published after updated`);
    const entryLinks = asArray(entry.link) as Record<string, string>[];
    if (entryLinks.length === 0) problems.push(`${where}: no link`);
    for (const link of entryLinks) {
      if (!isAbsoluteUrl(link['@_href'] ?? ''))
        problems.push(`${where}: link without an absolute href`);
    }
    if (!feedAuthor && asArray(entry.author).length === 0) problems.push(`${where}: no author`);
    // "An entry must have a content or a link with rel=alternate"; we give both.
    if (entry.content === undefined) problems.push(`${where}: missing content`);
    for (const category of asArray(entry.category) as Record<string, string>[]) {
      if ((category['@_term'] ?? '').trim() === '')
        problems.push(`${where}: category without term`);
      if (category['@_scheme'] !== undefined && !URL.canParse(category['@_scheme'])) {
        problems.push(`${where}: category scheme is not an IRI`);
      }
    }
  }
  return problems;
}
