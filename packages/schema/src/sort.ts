import type { Briefing } from './briefing.js';
import { effectiveEnd } from './calendar-date.js';

export type SortKey = 'date' | 'updated' | 'title';
export type SortOrder = 'asc' | 'desc';

const titleCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The date order of sortBriefings: by event start, then effective end, then id. */
export function compareDates(
  a: Pick<Briefing, 'date' | 'id'>,
  b: Pick<Briefing, 'date' | 'id'>,
): number {
  return (
    compareStrings(a.date.start, b.date.start) ||
    compareStrings(effectiveEnd(a.date), effectiveEnd(b.date)) ||
    compareStrings(a.id, b.id)
  );
}

const byDate = compareDates;

/** The title order of sortBriefings: by title (any case or accents, numbers by value), then id. */
export function compareTitles(
  a: Pick<Briefing, 'title' | 'id'>,
  b: Pick<Briefing, 'title' | 'id'>,
): number {
  return titleCollator.compare(a.title, b.title) || compareStrings(a.id, b.id);
}

const comparators: Record<SortKey, (a: Briefing, b: Briefing) => number> = {
  date: byDate,
  // Updates are known to the day: records updated on one day go by event date (newest event
  // first when the newest updates come first, as in the feeds; ties after that go by id).
  updated: (a, b) => compareStrings(a.revision.updated, b.revision.updated) || byDate(a, b),
  title: compareTitles,
};

/** A sorted copy: by event start (ties by end, then id), last update (ties by event), or title. */
export function sortBriefings({
  records,
  by = 'date',
  order = 'asc',
}: {
  records: readonly Briefing[];
  by?: SortKey;
  order?: SortOrder;
}): Briefing[] {
  const compare = comparators[by];
  const sign = order === 'asc' ? 1 : -1;
  return [...records].sort((a, b) => sign * compare(a, b));
}
