import * as chrono from 'chrono-node';
import type { ArticleMeta } from '../read-article-types.js';
import { isoDate, isRealIsoDate } from './calendar.js';
import type { ReferenceDate } from './resolve-date.js';

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
}): ReferenceDate | undefined {
  if (flag !== undefined) return { date: flag, from: '--reference-date' };
  if (meta.date !== undefined) {
    const date = fullDate(meta.date);
    if (date !== undefined) return { date, from: `article ${meta.dateFrom ?? 'metadata'}` };
  }
  const lines = body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, 3);
  for (const line of lines) {
    const head = line.slice(0, 120);
    const labelled = DATELINE_LABEL.test(head);
    // A dateline opens the article: a date among its first words, before the story starts.
    const date = fullDate(labelled ? head.replace(DATELINE_LABEL, '') : head.slice(0, 60));
    if (date !== undefined) return { date, from: 'dateline of the article' };
  }
  return undefined;
}

/** A full calendar date written in a string (ISO date or date-time kept as written, or prose). */
function fullDate(text: string): string | undefined {
  const iso = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(text);
  if (iso) return isRealIsoDate(iso[1]!) ? iso[1] : undefined;
  const [result] = chrono.strict.parse(text);
  if (!result || !(['year', 'month', 'day'] as const).every((c) => result.start.isCertain(c))) {
    return undefined;
  }
  const date = isoDate(
    result.start.get('year')!,
    result.start.get('month')!,
    result.start.get('day')!,
  );
  return isRealIsoDate(date) ? date : undefined;
}
