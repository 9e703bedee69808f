import type { ArticleMeta } from '../read-article-types.js';
import { isoDate, isRealIsoDate } from './calendar.js';
import { AMBIGUOUS_TAG, createStrictDateParser } from './custom-chrono.js';
import type { ReferenceDate } from './resolve-date.js';

const strictParser = createStrictDateParser();

const DATELINE_LABEL = /^\s*(?:date|published|posted|updated|dateline)\s*[:\-–—]\s*/i;

/**
 * The date the article was written: the `--reference-date` flag, else the metadata (front
 * matter, <meta>, <time>), else a full date on one of the first lines ("Published: 16 October 2023",
 * "MOSCOW, October 16, 2023 —"). Only a date with day, month and year counts.
 */
export function findArticleDate({
  meta,
  body,
  flag,
}: {
  meta: ArticleMeta;
  body: string;
  flag?: string;
}): ArticleDate | undefined {
  if (flag !== undefined) return { date: flag, from: '--reference-date' };
  if (meta.date !== undefined) {
    const found = fullDate(meta.date);
    if (found !== undefined)
      return { date: found.date, from: `article ${meta.dateFrom ?? 'metadata'}` };
  }
  const lines = body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, 3);
  for (const line of lines) {
    const label = DATELINE_LABEL.exec(line);
    if (label) {
      const rest = line.slice(label[0].length);
      const found = fullDate(rest.slice(0, 60));
      // "Published: 3 March 2025" alone on its line is no part of the story.
      if (found !== undefined && rest.trim().length <= found.end + 2) {
        return { date: found.date, from: 'dateline of the article', dateline: line };
      }
      continue;
    }
    // "MOSCOW, August 12, 2025 — …": a date among the first words, then a dash.
    const found = fullDate(line.slice(0, 60));
    if (found === undefined) continue;
    const dash = /^\s*(?:\([^)]*\))?\s*(?:—|–|--|-)\s*/.exec(line.slice(found.end));
    if (dash) {
      return {
        date: found.date,
        from: 'dateline of the article',
        dateline: line.slice(0, found.end + dash[0].length),
      };
    }
  }
  return undefined;
}

/** The article's date; `dateline` is the text that gave it, to leave out of the story. */
export interface ArticleDate extends ReferenceDate {
  dateline?: string;
}

/** A full calendar date written in a string, and where it ends in it. */
function fullDate(text: string): { date: string; end: number } | undefined {
  const iso = /^\s*(\d{4}-\d{2}-\d{2})(?=$|[T\s])/.exec(text);
  if (iso) return isRealIsoDate(iso[1]!) ? { date: iso[1]!, end: iso[0].length } : undefined;
  const [result] = strictParser.parse(text);
  if (
    !result ||
    result.tags().has(AMBIGUOUS_TAG) ||
    !(['year', 'month', 'day'] as const).every((c) => result.start.isCertain(c))
  ) {
    return undefined;
  }
  const date = isoDate(
    result.start.get('year')!,
    result.start.get('month')!,
    result.start.get('day')!,
  );
  return isRealIsoDate(date) ? { date, end: result.index + result.text.length } : undefined;
}
