import { parse } from 'yaml';
import type { ArticleMeta, ReadArticle } from './read-article-types.js';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Markdown to plain paragraphs: front matter (`title`, `date`, `publisher`/`source`, `url`) is
 * read as metadata; the first `#` heading becomes the title and leaves the body (a headline
 * has no date of its own); links keep their text, images, code and HTML tags go.
 */
export function readMarkdown({ text }: { text: string }): ReadArticle {
  const meta: ArticleMeta = {};
  let rest = text;
  const front = FRONT_MATTER.exec(text);
  if (front) {
    rest = text.slice(front[0].length);
    readFrontMatter({ yaml: front[1]!, meta });
  }
  const lines: string[] = [];
  let inFence = false;
  for (const line of rest.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      if (heading[1] === '#' && meta.title === undefined) meta.title = inline(heading[2]!);
      else if (heading[1] !== '#') lines.push('', inline(heading[2]!), '');
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      lines.push('');
      continue;
    }
    lines.push(
      inline(
        line
          .replace(/^\s{0,3}>\s?/, '')
          .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
          .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/, ''),
      ),
    );
  }
  return { body: lines.join('\n'), meta };
}

function readFrontMatter({ yaml, meta }: { yaml: string; meta: ArticleMeta }): void {
  let data: unknown;
  try {
    data = parse(yaml, { maxAliasCount: 10 });
  } catch {
    return; // Unreadable front matter is treated as absent; the body is still read.
  }
  if (data === null || typeof data !== 'object') return;
  const record = data as Record<string, unknown>;
  const pick = (...keys: string[]) => {
    for (const key of keys) {
      const value = record[key];
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
    }
    return undefined;
  };
  const title = pick('title', 'headline');
  if (title) meta.title = title;
  const dateKey = ['date', 'published', 'pubDate', 'publishDate'].find((key) => pick(key));
  if (dateKey) {
    meta.date = pick(dateKey);
    meta.dateFrom = `front matter ${dateKey}`;
  }
  const publisher = pick('publisher', 'source', 'site');
  if (publisher) meta.publisher = publisher;
  const url = pick('url', 'link', 'canonical');
  if (url) meta.url = url;
}

/** Inline Markdown to text: links and emphasis keep their words, images and tags go. */
function inline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?![\w*])/g, '$1$2');
}
