import type { Briefing } from './briefing.js';
import { effectiveEnd } from './calendar-date.js';
import type { Status } from './vocabulary.js';

const FORWARD_LOOKING: ReadonlySet<Status> = new Set(['announced', 'planned', 'postponed']);

/**
 * Upcoming records (ending on or after `today`, or still announced, planned or postponed)
 * and past ones, each in the input order.
 */
export function splitUpcoming({
  records,
  today,
}: {
  records: readonly Briefing[];
  today: string;
}): {
  upcoming: Briefing[];
  past: Briefing[];
} {
  const upcoming: Briefing[] = [];
  const past: Briefing[] = [];
  for (const record of records) {
    const isUpcoming = effectiveEnd(record.date) >= today || FORWARD_LOOKING.has(record.status);
    (isUpcoming ? upcoming : past).push(record);
  }
  return { upcoming, past };
}
