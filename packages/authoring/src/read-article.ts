import { readHtml } from './read-html.js';
import { readMarkdown } from './read-markdown.js';
import type { ArticleFormat, ReadArticle } from './read-article-types.js';

export type { ArticleFormat, ArticleMeta, ReadArticle } from './read-article-types.js';

/** An article in plain text, Markdown or HTML, as plain paragraphs and what it says about itself. */
export function readArticle({
  text,
  format,
}: {
  text: string;
  format: ArticleFormat;
}): ReadArticle {
  if (format === 'html') return readHtml({ text });
  if (format === 'markdown') return readMarkdown({ text });
  return { body: text.replace(/\r\n?/g, '\n'), meta: {} };
}

/** The format a file name suggests: .html/.htm, .md/.markdown, otherwise plain text. */
export function formatFromPath({ path }: { path: string }): ArticleFormat {
  if (/\.x?html?$/i.test(path)) return 'html';
  if (/\.(?:md|markdown)$/i.test(path)) return 'markdown';
  return 'text';
}
