import { convert } from 'html-to-text';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ArticleMeta, ReadArticle } from './read-article-types.js';

// The article's own date, most specific first: Open Graph / schema.org article dates, then <time>.
const DATE_META_NAMES = [
  'article:published_time',
  'datepublished',
  'date',
  'dc.date',
  'dc.date.issued',
  'pubdate',
  'publish-date',
  'sailthru.date',
  'og:published_time',
];

/** HTML to plain paragraphs with html-to-text; the headline, date and publisher from the markup. */
export function readHtml({ text }: { text: string }): ReadArticle {
  const dom = parseDocument(text);
  const meta: ArticleMeta = {};
  const metas = DomUtils.getElementsByTagName('meta', dom);
  const metaContent = (names: string[]) => {
    for (const name of names) {
      const element = metas.find(
        (candidate) =>
          (
            candidate.attribs['property'] ??
            candidate.attribs['name'] ??
            candidate.attribs['itemprop']
          )
            ?.toLowerCase()
            .trim() === name,
      );
      const content = element?.attribs['content']?.trim();
      if (content) return { name, content };
    }
    return undefined;
  };
  const dateMeta = metaContent(DATE_META_NAMES);
  if (dateMeta !== undefined) {
    meta.date = dateMeta.content;
    meta.dateFrom = `<meta ${dateMeta.name}>`;
  } else {
    // The article's own <time>, before any in a sidebar of related stories.
    const article = DomUtils.getElementsByTagName('article', dom)[0];
    const time = DomUtils.getElementsByTagName('time', article ?? dom).find((element) =>
      element.attribs['datetime']?.trim(),
    );
    if (time !== undefined) {
      meta.date = time.attribs['datetime']!.trim();
      meta.dateFrom = '<time datetime>';
    }
  }
  const h1 = DomUtils.getElementsByTagName('h1', dom)[0];
  const titleElement = DomUtils.getElementsByTagName('title', dom)[0];
  const title =
    metaContent(['og:title'])?.content ??
    (h1 ? DomUtils.textContent(h1) : undefined) ??
    (titleElement ? DomUtils.textContent(titleElement) : undefined);
  if (title?.trim()) meta.title = title.replace(/\s+/g, ' ').trim();
  const publisher = metaContent(['og:site_name', 'publisher', 'author'])?.content;
  if (publisher) meta.publisher = publisher;
  const url = metaContent(['og:url'])?.content ?? canonicalHref(dom);
  if (url) meta.url = url;
  // The story itself: the first <article>, else <main>, else the whole page. Banners, cookie
  // notices and link lists outside them are not the article's text.
  const story = ['article', 'main'].find(
    (tag) => DomUtils.getElementsByTagName(tag, dom).length > 0,
  );
  const body = convert(text, {
    wordwrap: false,
    ...(story !== undefined && {
      baseElements: { selectors: [story], returnDomByDefault: true },
      limits: { maxBaseElements: 1 },
    }),
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'header', format: 'skip' },
      { selector: 'footer', format: 'skip' },
      { selector: 'aside', format: 'skip' },
      { selector: 'figure', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'ul', options: { itemPrefix: '' } },
      ...(['h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({
        selector,
        options: { uppercase: false },
      })),
    ],
  });
  return { body, meta };
}

function canonicalHref(dom: ReturnType<typeof parseDocument>): string | undefined {
  const link = DomUtils.getElementsByTagName('link', dom).find(
    (element) => element.attribs['rel']?.toLowerCase() === 'canonical',
  );
  return link?.attribs['href']?.trim() || undefined;
}
