import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { dataCoverage, type Briefing } from '@briefing/schema';
import {
  calendarPath,
  calendarYearPath,
  countryName,
  coverageSentence,
  eventLastDay,
  isolate,
  nextDay,
  recordPath,
  statusLabel,
  themeLabel,
} from '@briefing/present';
import { absoluteUrl, dateAtUtcMidnight, dateRangeLabel, itemTitle } from './to-feed-item.js';
import { PUBLISHER } from './namespaces.js';
import { foldedUtf8 } from './fold-content-lines.js';
import { frameParts, type DocumentFrame } from './render-once.js';

const STATUS: Record<Briefing['status'], ICalEventStatus> = {
  occurred: ICalEventStatus.CONFIRMED,
  announced: ICalEventStatus.TENTATIVE,
  planned: ICalEventStatus.TENTATIVE,
  postponed: ICalEventStatus.TENTATIVE,
  disputed: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

// Many calendar apps show STATUS faintly or not at all: the title says what did not simply occur.
function titlePrefix(status: Briefing['status']): string {
  return status === 'occurred' ? '' : `${statusLabel(status)}: `;
}

function summaryOf(record: Briefing): string {
  const title = `${titlePrefix(record.status)}${isolate(itemTitle(record))}`;
  if (record.date.precision === 'day') return title;
  // A month- or year-long block would read as a long event: say the dates are only that precise.
  return `${title} (date known to the ${record.date.precision}: ${dateRangeLabel(record.date)})`;
}

function descriptionOf({ record, url }: { record: Briefing; url: string }): string {
  const note = record.date.note === undefined ? '' : ` (${isolate(record.date.note)})`;
  const lines = [
    `${dateRangeLabel(record.date)}${note} · ${statusLabel(record.status)}`,
    '',
    isolate(record.summary),
    '',
    `Actors: ${record.actors.map((actor) => `${isolate(actor.name)} (${countryName(actor.country)})`).join('; ')}`,
    `Sources: ${record.sources.map((source) => isolate(source.publisher)).join('; ')}`,
    // Google Calendar and Outlook do not show the URL property of a subscribed event.
    `Record: ${url}`,
  ];
  return lines.join('\n');
}

const NAME = 'Russia–DPRK engagements';
const EVERY = 'Every recorded engagement between Russia and North Korea';

/**
 * Events in the calendar one subscribes to: the most recent this many by start date. A calendar
 * of every record grows without end (85 MB at 100,000 records): calendar applications refuse or
 * time out on such files, and a server made it again after each edit. Each year's events are
 * also in a calendar of their own (calendarYearPath).
 */
export const CALENDAR_SIZE = 1000;

/** The year whose calendar holds an event: the year it starts ("2024" of "2024-12-30"). */
export function eventYear(start: string): string {
  return start.slice(0, 4);
}

/** Each year's calendar, in order: the years in which a record's event starts. */
export function calendarYears(
  records: readonly Pick<Briefing, 'date'>[],
): { year: string; path: string }[] {
  const years = [...new Set(records.map((record) => eventYear(record.date.start)))].sort();
  return years.map((year) => ({ year, path: calendarYearPath({ year }) }));
}

/**
 * The events of the calendar one subscribes to: the last `size` in event order (compareEvents),
 * given each year's events in that order, the latest year first (only the years needed are read).
 */
export function mostRecentEvents<T>({
  years,
  size,
}: {
  years: Iterable<readonly T[]>;
  size: number;
}): T[] {
  const taken: (readonly T[])[] = [];
  let count = 0;
  for (const events of years) {
    const part = events.slice(Math.max(0, events.length - (size - count)));
    taken.push(part);
    count += part.length;
    // Before the next year is read (sorted, in the live feeds).
    if (count >= size) break;
  }
  return taken.reverse().flat();
}

/** The calendar one subscribes to: what it holds, and where the rest is when it is cut. */
export function currentCalendarDescription({
  siteUrl,
  total,
  size,
  years,
  coverageNote,
}: {
  siteUrl: string;
  /** How many records there are. */
  total: number;
  size: number;
  /** Every year with an event, in order. */
  years: readonly string[];
  /** What the data covers (coverageSentence). */
  coverageNote: string;
}): string {
  if (total <= size) return `${EVERY}, as all-day events. ${coverageNote}`;
  const yearUrl = (year: string) => absoluteUrl({ siteUrl, path: calendarYearPath({ year }) });
  return (
    `The ${size} most recent recorded engagements between Russia and North Korea (by date), as ` +
    `all-day events; each year's are in a calendar of their own, ${yearUrl(years[0]!)} to ` +
    `${yearUrl(years.at(-1)!)}. ${coverageNote}`
  );
}

/**
 * The calendar of one year. It does not say what the whole data covers: it would change with
 * every edit, and every year's calendar with it.
 */
export function yearCalendarText({ siteUrl, year }: { siteUrl: string; year: string }): {
  calendarUrl: string;
  name: string;
  description: string;
} {
  return {
    calendarUrl: absoluteUrl({ siteUrl, path: calendarYearPath({ year }) }),
    name: `${NAME}, ${year}`,
    description: `${EVERY} that began in ${year}, as all-day events.`,
  };
}

// Calendar name, description and links: what ical-generator writes around the events.
function makeCalendar({
  calendarUrl,
  name,
  description,
}: {
  calendarUrl: string;
  name: string;
  description: string;
}) {
  return ical({
    name,
    description,
    prodId: { company: PUBLISHER, product: 'briefing-feeds', language: 'EN' },
    // No METHOD: it belongs to iTIP messages (RFC 5546, with an ORGANIZER per event and the same
    // method in the Content-Type, RFC 5545 §3.7.2), not to a calendar one subscribes to.
    url: calendarUrl,
    source: calendarUrl,
  });
}

/**
 * A calendar without its events, cut where they go (before END:VCALENDAR): its parts with the
 * events are frameParts' (events follow one another with nothing between).
 */
export function calendarFrame({
  calendarUrl,
  name = NAME,
  description,
}: {
  calendarUrl: string;
  name?: string;
  description: string;
}): DocumentFrame {
  const frame = makeCalendar({ calendarUrl, name, description }).toString();
  const end = frame.lastIndexOf('END:VCALENDAR');
  return { head: frame.slice(0, end), tail: frame.slice(end), separator: '' };
}

/**
 * Input order must not change the bytes: events by start date, then id. Dates (YYYY-MM-DD) and
 * ids (kebab-case slugs) are ASCII, where code-unit order is the order localeCompare gives
 * (tested), at a fraction of its cost (~30 % of sorting 10,000 events).
 */
export function compareEvents(
  a: { start: string; id: string },
  b: { start: string; id: string },
): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Each record's VEVENT, folded, as UTF-8, in the order given: rendered once, placed in any
 * calendar.
 */
export function renderCalendarEvents({
  records,
  siteUrl,
}: {
  records: readonly Briefing[];
  siteUrl: string;
}): Buffer[] {
  const host = new URL(siteUrl).hostname;
  // Events are written one by one; this calendar only lends them its settings.
  const calendar = ical({});
  return records.map((record) => {
    const updated = dateAtUtcMidnight(record.revision.updated);
    const places = record.places.map(
      (place) => `${isolate(place.name)}, ${countryName(place.country)}`,
    );
    const url = absoluteUrl({ siteUrl, path: recordPath({ id: record.id }) });
    const event = calendar.createEvent({
      id: `${record.id}@${host}`,
      allDay: true,
      start: dateAtUtcMidnight(record.date.start),
      // DTEND of an all-day event is exclusive (RFC 5545 §3.6.1): the day after the last day.
      end: dateAtUtcMidnight(nextDay(eventLastDay(record.date))),
      summary: summaryOf(record),
      description: descriptionOf({ record, url }),
      ...(places.length > 0 ? { location: places.join('; ') } : {}),
      url,
      status: STATUS[record.status],
      // Informational: an engagement in Pyongyang does not make the subscriber busy.
      transparency: ICalEventTransparency.TRANSPARENT,
      // One change-log entry per revision: the first is the record's creation.
      sequence: record.revision.changes.length - 1,
      // Not "now": the same records must give the same bytes.
      stamp: updated,
      created: dateAtUtcMidnight(record.revision.created),
      lastModified: updated,
      categories: record.themes.map((theme) => ({ name: themeLabel(theme) })),
    });
    const bytes = foldedUtf8(event.toString());
    calendar.clear();
    return bytes;
  });
}

/**
 * Every calendar of these records, by path, as UTF-8 byte parts in order (head, one part per
 * event, tail): the one to subscribe to (the most recent `size` events) and one per year, each an
 * all-day event per engagement. Each event is encoded once and shared by the calendars that hold
 * it, cut as the live feeds cut them, so both give a calendar the same ETag.
 */
export function renderCalendars({
  records,
  siteUrl,
  size = CALENDAR_SIZE,
}: {
  records: readonly Briefing[];
  siteUrl: string;
  size?: number;
}): Map<string, Buffer[]> {
  const ordered = [...records].sort((a, b) =>
    compareEvents({ start: a.date.start, id: a.id }, { start: b.date.start, id: b.id }),
  );
  const events = renderCalendarEvents({ records: ordered, siteUrl });
  const byYear = new Map<string, Buffer[]>();
  ordered.forEach((record, index) => {
    const year = eventYear(record.date.start);
    const list = byYear.get(year) ?? [];
    list.push(events[index]!);
    byYear.set(year, list);
  });
  const years = [...byYear.keys()];
  const calendars = new Map<string, Buffer[]>();
  const current = calendarFrame({
    calendarUrl: absoluteUrl({ siteUrl, path: calendarPath }),
    description: currentCalendarDescription({
      siteUrl,
      total: records.length,
      size,
      years,
      coverageNote: coverageSentence(dataCoverage(records)),
    }),
  });
  const recent = mostRecentEvents({ years: [...byYear.values()].reverse(), size });
  calendars.set(calendarPath, frameParts({ frame: current, itemFragments: recent }));
  for (const [year, list] of byYear) {
    const frame = calendarFrame(yearCalendarText({ siteUrl, year }));
    calendars.set(calendarYearPath({ year }), frameParts({ frame, itemFragments: list }));
  }
  return calendars;
}
