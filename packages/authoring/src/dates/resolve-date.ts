import { formatDateRange, type EventDate } from '@briefing/schema';
import { addDays, dateParts, isoDate, monthRange } from './calendar.js';
import type { DateMention, DatePoint } from './find-dates.js';

/** Where the reference date came from, for notes: "--reference-date", "<time datetime>", … */
export interface ReferenceDate {
  date: string;
  from: string;
}

/** The latest month the text named, for days given alone ("mid-October … on the 18th and 19th"). */
export interface MonthContext {
  month: number;
  year: number;
  yearStated: boolean;
  text: string;
}

export interface DateContext {
  reference?: ReferenceDate;
  /** The sentence speaks of the future: days without a year fall on or after the reference date. */
  future?: boolean;
  lastMonth?: MonthContext;
  /** The previous event's date, for "the following day". */
  previous?: EventDate;
}

export type ResolvedDate =
  | { ok: true; date: Omit<EventDate, 'note'>; notes: string[]; mention: DateMention }
  | { ok: false; reason: string; mention?: DateMention };

/** Picks the mention that dates an event: the most precise, then the nearest after the trigger. */
export function pickMention({
  mentions,
  triggerIndex,
}: {
  mentions: DateMention[];
  triggerIndex: number;
}): DateMention | undefined {
  const rank = (mention: DateMention) => {
    if (mention.kind === 'year') return 1;
    if (mention.kind === 'calendar' && mention.start.day === undefined) {
      return mention.start.month === undefined ? 1 : 2;
    }
    // A date the text states beats one counted from the article ("on 27 July" over "on Friday").
    return mention.kind === 'relative' ? 3 : 4;
  };
  const distance = (mention: DateMention) =>
    mention.index >= triggerIndex
      ? mention.index - triggerIndex
      : (triggerIndex - mention.index) * 2;
  return [...mentions].sort((a, b) => rank(b) - rank(a) || distance(a) - distance(b))[0];
}

/** The month a mention names, to carry to later days given alone. */
export function monthOf({
  mention,
  sentence,
}: {
  mention: DateMention;
  /** The sentence it is in, to keep "mid-" or "early" in the quoted words. */
  sentence: string;
}): MonthContext | undefined {
  if (mention.kind !== 'calendar') return undefined;
  const point = mention.end ?? mention.start;
  if (point.month === undefined) return undefined;
  const qualifier = /\b(?:mid|early|late|end of|beginning of)[-\s]*$/i.exec(
    sentence.slice(0, mention.index),
  );
  return {
    month: point.month,
    year: point.year ?? point.implied.year,
    yearStated: point.year !== undefined,
    text: `${qualifier?.[0] ?? ''}${mention.text}`,
  };
}

/** Turns a date mention into calendar dates and a precision, saying what was inferred. */
export function resolveDate({
  mention,
  context,
  sentenceMonth,
}: {
  mention: DateMention;
  context: DateContext;
  /** A month named earlier in the same sentence. */
  sentenceMonth?: MonthContext;
}): ResolvedDate {
  const { reference } = context;
  const notes: string[] = [];
  const referenceNote = reference ? `reference date ${reference.date}, ${reference.from}` : '';
  const needYear = (): ResolvedDate => ({
    ok: false,
    mention,
    reason: `"${mention.text}" gives no year and the article has no date: pass --reference-date YYYY-MM-DD`,
  });

  if (mention.kind === 'after-previous') {
    const previous = context.previous;
    if (previous === undefined) {
      return { ok: false, mention, reason: `"${mention.text}" follows no dated event` };
    }
    const days = mention.daysAfter ?? 1;
    if (previous.precision !== 'day') {
      notes.push(
        `"${mention.text}" counts from a date known only to the ${previous.precision} (${formatDateRange(previous)}), so only the ${previous.precision} is known`,
      );
      return { ok: true, date: withoutNote(previous), notes, mention };
    }
    const start = addDays(previous.end ?? previous.start, days);
    notes.push(
      `"${mention.text}" counted from the previous event (${previous.end ?? previous.start})`,
    );
    return { ok: true, date: { start, precision: 'day' }, notes, mention };
  }

  if (mention.kind === 'relative') {
    if (reference === undefined) {
      return {
        ok: false,
        mention,
        reason: `"${mention.text}" counts from the article's date, which is unknown: pass --reference-date YYYY-MM-DD`,
      };
    }
    const start = fromImplied(mention.start);
    const end = mention.end ? fromImplied(mention.end) : undefined;
    notes.push(`"${mention.text}" counted from the ${referenceNote}`);
    // "next month", "last year", "this week" name a span, not the day chrono lands on.
    const { year, month } = dateParts(start);
    if (/\byears?\b/i.test(mention.text)) {
      return {
        ok: true,
        date: { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), precision: 'year' },
        notes,
        mention,
      };
    }
    if (/\b(?:months?|weeks?|weekend)\b/i.test(mention.text)) {
      if (/week/i.test(mention.text))
        notes.push('a week is not a precision of its own: only the month is kept');
      const weekEnd = /week/i.test(mention.text) ? dateParts(addDays(start, 6)) : { year, month };
      return {
        ok: true,
        date: {
          start: monthRange(year, month).start,
          end: monthRange(weekEnd.year, weekEnd.month).end,
          precision: 'month',
        },
        notes,
        mention,
      };
    }
    return { ok: true, date: dayRange(start, end), notes, mention };
  }

  if (mention.kind === 'days-only') {
    const month = sentenceMonth ?? context.lastMonth;
    let year: number;
    let monthNumber: number;
    if (month !== undefined) {
      monthNumber = month.month;
      year = month.year;
      notes.push(`month from "${month.text}"`);
      if (!month.yearStated) {
        if (reference === undefined) return needYear();
        year = dateParts(reference.date).year;
        if (
          context.future &&
          isoDate(year, monthNumber, mention.start.implied.day) < reference.date
        ) {
          year += 1;
        }
        notes.push(`year inferred from the ${referenceNote}`);
      }
    } else {
      if (reference === undefined) return needYear();
      ({ year, month: monthNumber } = dateParts(reference.date));
      notes.push(`month and year taken from the ${referenceNote}`);
    }
    const start = isoDate(year, monthNumber, mention.start.implied.day);
    const end = mention.end ? isoDate(year, monthNumber, mention.end.implied.day) : undefined;
    return { ok: true, date: dayRange(start, end), notes, mention };
  }

  // calendar or year
  const yearStated = mention.start.year !== undefined || mention.end?.year !== undefined;
  if (!yearStated) {
    if (reference === undefined) return needYear();
    notes.push(`year inferred from the ${referenceNote}`);
  }
  const startYear = mention.start.year ?? mention.start.implied.year;
  if (mention.kind === 'year' || mention.start.month === undefined) {
    const endYear = mention.end?.year ?? startYear;
    return {
      ok: true,
      date: {
        start: isoDate(startYear, 1, 1),
        end: isoDate(Math.max(endYear, startYear), 12, 31),
        precision: 'year',
      },
      notes,
      mention,
    };
  }
  if (mention.start.day === undefined) {
    const endPoint = mention.end;
    const endYear = endPoint?.year ?? endPoint?.implied.year ?? startYear;
    const endMonth = endPoint?.month ?? mention.start.month;
    const start = monthRange(startYear, mention.start.month).start;
    const end = monthRange(endYear, endMonth).end;
    return {
      ok: true,
      date: {
        start,
        end: end < start ? monthRange(startYear, mention.start.month).end : end,
        precision: 'month',
      },
      notes,
      mention,
    };
  }
  const start = isoDate(startYear, mention.start.month, mention.start.day);
  const end = mention.end ? fromImplied(mention.end) : undefined;
  return { ok: true, date: dayRange(start, end), notes, mention };
}

function fromImplied(point: DatePoint): string {
  return isoDate(
    point.year ?? point.implied.year,
    point.month ?? point.implied.month,
    point.day ?? point.implied.day,
  );
}

function dayRange(start: string, end: string | undefined): Omit<EventDate, 'note'> {
  return end === undefined || end <= start
    ? { start, precision: 'day' }
    : { start, end, precision: 'day' };
}

function withoutNote(date: EventDate): Omit<EventDate, 'note'> {
  return date.end === undefined
    ? { start: date.start, precision: date.precision }
    : { start: date.start, end: date.end, precision: date.precision };
}
