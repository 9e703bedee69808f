import type { Briefing } from './briefing.js';
import { daysInMonth, dateParts, effectiveEnd, pad } from './calendar-date.js';

/** What a set of records covers, so readers can tell how current it is. */
export interface Coverage {
  /** The first day of the earliest engagement. */
  from: string;
  /** The last day of the latest engagement. */
  to: string;
  /** The newest `revision.updated` of any record: when the data last changed. */
  updated: string;
}

/** What coverage reads of a record: its dates and its last update. */
export type CoverageInput = Pick<Briefing, 'date'> & {
  revision: Pick<Briefing['revision'], 'updated'>;
};

/** The period the records cover and when they were last updated; undefined for no records. */
export function dataCoverage(records: readonly CoverageInput[]): Coverage | undefined {
  if (records.length === 0) return undefined;
  let from = records[0]!.date.start;
  let to = effectiveEnd(records[0]!.date);
  let updated = records[0]!.revision.updated;
  for (const record of records) {
    if (record.date.start < from) from = record.date.start;
    const end = effectiveEnd(record.date);
    if (end > to) to = end;
    if (record.revision.updated > updated) updated = record.revision.updated;
  }
  return { from, to, updated };
}

/**
 * The coverage once one record counted in it (`before`) is replaced by `after`, or removed
 * (`after` absent), or once `after` is added (`before` absent): worked out from the coverage
 * alone, so that an edit to one of 100,000 records does not read them all again. Undefined
 * when `before` held an edge of the coverage (the earliest start, the latest end or the newest
 * update) that `after` does not hold as far: only the records can tell the new edge then.
 */
export function changedCoverage({
  coverage,
  before,
  after,
}: {
  coverage: Coverage;
  before?: CoverageInput;
  after?: CoverageInput;
}): Coverage | undefined {
  if (before !== undefined) {
    const end = effectiveEnd(before.date);
    const losesFrom =
      before.date.start === coverage.from && !(after && after.date.start <= before.date.start);
    const losesTo = end === coverage.to && !(after && effectiveEnd(after.date) >= end);
    const losesUpdated =
      before.revision.updated === coverage.updated &&
      !(after && after.revision.updated >= before.revision.updated);
    if (losesFrom || losesTo || losesUpdated) return undefined;
  }
  if (after === undefined) return coverage;
  const end = effectiveEnd(after.date);
  return {
    from: after.date.start < coverage.from ? after.date.start : coverage.from,
    to: end > coverage.to ? end : coverage.to,
    updated: after.revision.updated > coverage.updated ? after.revision.updated : coverage.updated,
  };
}

/**
 * The date that "upcoming" is judged from. Data last updated over a month before today can't
 * speak for today (an announcement since then would be missing), so it speaks as of its update.
 */
export function asOfDate({ coverage, today }: { coverage: Coverage | undefined; today: string }): {
  date: string;
  /** True when the data is over a month old and the date is its last update, not today. */
  stale: boolean;
} {
  if (coverage === undefined || coverage.updated >= oneMonthBefore(today)) {
    return { date: today, stale: false };
  }
  return { date: coverage.updated, stale: true };
}

/** The same day a month earlier, or that month's last day ("2026-03-31" → "2026-02-28"). */
export function oneMonthBefore(isoDate: string): string {
  const { year, month, day } = dateParts(isoDate);
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(day, daysInMonth(y, m)), 2)}`;
}
