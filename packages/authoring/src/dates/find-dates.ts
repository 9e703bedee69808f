import type { ParsedComponents, ParsedResult } from 'chrono-node';
import {
  AFTER_PREVIOUS_TAG,
  createDateParser,
  DAYS_ONLY_TAG,
  daysAfterPrevious,
  YEAR_ONLY_TAG,
  AMBIGUOUS_TAG,
} from './custom-chrono.js';
import { noonUtc } from './calendar.js';

/** One side of a date mention: what the text states; `implied` is chrono's guess from the reference. */
export interface DatePoint {
  year?: number;
  month?: number;
  day?: number;
  implied: { year: number; month: number; day: number };
}

export type DateMentionKind =
  /** Stated in the text: "13 September 2023", "In September", "18-19 October". */
  | 'calendar'
  /** Days whose month the context gives: "on the 18th and 19th". */
  | 'days-only'
  /** Counted from the previous event: "the following day". */
  | 'after-previous'
  /** Counted from the article's date: "last week", "on Monday", "yesterday". */
  | 'relative'
  /** A year alone: "in 2024". */
  | 'year';

export interface DateMention {
  kind: DateMentionKind;
  text: string;
  /** Index of the mention in the sentence. */
  index: number;
  start: DatePoint;
  end?: DatePoint;
  /** For `after-previous`: how many days after. */
  daysAfter?: number;
}

const parser = createDateParser();
const MAY_HOLD_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|day|week|month|year|tomorrow|tonight|ago\b|later\b|weekend/i;

/**
 * Date mentions in a sentence, parsed by chrono relative to a reference date. `forward` makes
 * chrono read a date without a year as the next one to come (for sentences about the future).
 */
export function findDates({
  text,
  referenceDate,
  forward = false,
}: {
  text: string;
  /** ISO date; without one, today stands in for chrono's guesses, which are then never used. */
  referenceDate?: string;
  forward?: boolean;
}): DateMention[] {
  // Most sentences carry no date; a cheap look first spares chrono's hundred patterns.
  if (!MAY_HOLD_DATE.test(text)) return [];
  const instant = referenceDate === undefined ? new Date() : noonUtc(referenceDate);
  return parser
    .parse(text, { instant, timezone: 0 }, { forwardDate: forward })
    .map(toMention)
    .filter((mention): mention is DateMention => mention !== undefined);
}

function toMention(result: ParsedResult): DateMention | undefined {
  // "now", "currently", "tonight": the time of writing, never an engagement's date.
  if (
    /^(?:now|right now|currently|tonight|this (?:morning|evening|afternoon))$/i.test(
      result.text.trim(),
    )
  ) {
    return undefined;
  }
  // "his first visit in 24 years", "within two decades": a span of time, not a date.
  if (/^(?:in|within)\s+(?:\d+|an?|\w+)\s+(?:years?|decades?)$/i.test(result.text.trim())) {
    return undefined;
  }
  const tags = result.tags();
  if (tags.has(AMBIGUOUS_TAG)) return undefined;
  const base = { text: result.text.replace(/[\s,.;:]+$/, ''), index: result.index };
  if (tags.has(AFTER_PREVIOUS_TAG)) {
    return {
      ...base,
      kind: 'after-previous',
      start: point(result.start),
      daysAfter: daysAfterPrevious(tags) ?? 1,
    };
  }
  const start = point(result.start);
  const end = result.end ? point(result.end) : undefined;
  if (tags.has(YEAR_ONLY_TAG)) return { ...base, kind: 'year', start };
  if (tags.has(DAYS_ONLY_TAG)) return { ...base, kind: 'days-only', start, ...(end && { end }) };
  const relative =
    tags.has('result/relativeDate') ||
    (start.day === undefined &&
      start.month === undefined &&
      result.start.get('weekday') !== null) ||
    /\b(?:today|yesterday|tomorrow|tonight|last|next|this|ago|later)\b/i.test(result.text);
  if (relative) {
    return {
      ...base,
      kind: 'relative',
      start: { implied: start.implied },
      ...(end && { end: { implied: end.implied } }),
    };
  }
  // A time of day alone ("at 10 a.m.") is no date.
  if (start.day === undefined && start.month === undefined && start.year === undefined)
    return undefined;
  return { ...base, kind: 'calendar', start, ...(end && { end }) };
}

function point(components: ParsedComponents): DatePoint {
  const certain = (name: 'year' | 'month' | 'day') =>
    components.isCertain(name) ? (components.get(name) ?? undefined) : undefined;
  const year = certain('year');
  const month = certain('month');
  const day = certain('day');
  return {
    ...(year !== undefined && { year }),
    ...(month !== undefined && { month }),
    ...(day !== undefined && { day }),
    implied: {
      year: components.get('year') ?? 0,
      month: components.get('month') ?? 1,
      day: components.get('day') ?? 1,
    },
  };
}
