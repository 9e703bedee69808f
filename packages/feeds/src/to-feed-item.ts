import { formatDateRange, formatIsoDate } from '@briefing/schema';
import type { Briefing, ThemeId } from '@briefing/schema';
import {
  THEMES_PATH,
  cleanText,
  confidenceLabel,
  countryName,
  escapeHtml,
  isolateBoth,
  recordPath,
  statusLabel,
  themeLabel,
  typeLabel,
} from '@briefing/present';

/** A theme as a feed category: RFC 4287 scheme, term and label. */
export interface FeedCategory {
  scheme: string;
  term: ThemeId;
  label: string;
}

/** One record as every format shows it; the single item model behind RSS, Atom and JSON Feed. */
export interface FeedItem {
  recordId: string;
  /** `tag:` URI built from the record id only, so it never changes when the record is edited. */
  id: string;
  url: string;
  title: string;
  summary: string;
  summaryHtml: string;
  contentHtml: string;
  contentText: string;
  published: Date;
  updated: Date;
  /** Event start, for ordering items updated on the same day. */
  eventStart: string;
  categories: FeedCategory[];
}

// The date part of a tag URI (RFC 4151) names when the authority owned the name; fixing it keeps
// every id stable for ever, whenever the record was added.
const TAG_DATE = '2023';

// Parsing the site URL once per build rather than once per link (10,000 records, ~20 links each).
const sites = new Map<string, { origin: string; host: string }>();
function siteOf(siteUrl: string): { origin: string; host: string } {
  let site = sites.get(siteUrl);
  if (site === undefined) {
    const url = new URL(siteUrl);
    site = { origin: url.origin, host: url.hostname };
    sites.set(siteUrl, site);
  }
  return site;
}

/** The `tag:` URI of a record on a site, e.g. tag:example.org,2023:briefing/lavrov-visit. */
export function itemId({ siteUrl, recordId }: { siteUrl: string; recordId: string }): string {
  return `tag:${siteOf(siteUrl).host},${TAG_DATE}:briefing/${recordId}`;
}

/** A site-relative path ("/…", slugs only) made absolute against the site URL. */
export function absoluteUrl({ siteUrl, path }: { siteUrl: string; path: string }): string {
  return /^\/[A-Za-z0-9/._-]*$/.test(path)
    ? `${siteOf(siteUrl).origin}${path}`
    : new URL(path, siteUrl).href;
}

/** A calendar date as the instant feeds need: midnight UTC, the same day everywhere. */
export function dateAtUtcMidnight(isoDate: string): Date {
  // ~80,000 calls a build at 10,000 records, on a few thousand distinct days: each day's time
  // is worked out once (a new Date each call: callers may keep or change theirs).
  let time = timesOfDays.get(isoDate);
  if (time === undefined) {
    if (timesOfDays.size >= MAX_DAYS_KEPT) timesOfDays.clear();
    time = parseDay(isoDate);
    timesOfDays.set(isoDate, time);
  }
  return new Date(time);
}

const timesOfDays = new Map<string, number>();
// Some 270 years of days.
const MAX_DAYS_KEPT = 100_000;

function parseDay(isoDate: string): number {
  // Numbers rather than Date's string parser (several times faster); anything but a plain valid
  // YYYY-MM-DD from year 1000 on still goes through the parser.
  const match = ISO_DATE.exec(isoDate);
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (year >= 1000 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return date.getTime();
    }
  }
  return new Date(`${isoDate}T00:00:00Z`).getTime();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateRanges = new WeakMap<Briefing['date'], string>();

/** `formatDateRange` of a record's dates, made once per record for every format that shows it. */
export function dateRangeLabel(date: Briefing['date']): string {
  let label = dateRanges.get(date);
  if (label === undefined) {
    label = formatDateRange(date);
    dateRanges.set(date, label);
  }
  return label;
}

/** The record's title as every format carries it (never empty). */
export function itemTitle(record: Briefing): string {
  const title = cleanText(record.title).trim();
  return title === '' ? `Briefing ${record.id}` : title;
}

interface Section {
  heading: string;
  /** Each entry is one line: plain text plus its HTML. */
  lines: { text: string; html: string }[];
  list: boolean;
}

type Line = { text: string; html: string };

// Our own words and punctuation as they are; every record text cleaned and isolated for
// bidirectional scripts, so a right-to-left or unclosed override in one cannot reorder the rest.
const own = (value: string): Line => ({ text: value, html: escapeHtml(value) });
const rec = (value: string): Line => isolateBoth(value);
// Appended rather than mapped and joined: the item model is made for every record of a build.
function joined(...parts: Line[]): Line {
  let text = '';
  let html = '';
  for (const part of parts) {
    text += part.text;
    html += part.html;
  }
  return { text, html };
}

function sectionsOf({ record }: { record: Briefing }): Section[] {
  const text = own;
  const dates = own(dateRangeLabel(record.date));
  const dateNote =
    record.date.note === undefined ? [] : [own(' ('), rec(record.date.note), own(')')];
  const actors = record.actors.map((actor) =>
    joined(
      rec(actor.name),
      ...(actor.office === undefined ? [] : [own(', '), rec(actor.office)]),
      own(` (${countryName(actor.country)})`),
    ),
  );
  const places = record.places.map((place) =>
    joined(rec(place.name), own(` (${countryName(place.country)})`)),
  );
  const sources = record.sources.map((source) => {
    const label = joined(rec(source.publisher), own(': '), rec(source.title));
    const published = own(
      source.published === undefined ? '' : ` (${formatIsoDate(source.published)})`,
    );
    // The note says what the link is worth ("Only the host is recorded…"): it goes with it.
    const note = source.note === undefined ? [] : [own(' — '), rec(source.note)];
    if (source.url !== undefined && /^https?:/i.test(source.url)) {
      return {
        text: joined(label, published, own(` <${source.url}>`), ...note).text,
        html: `<a href="${escapeHtml(source.url)}" rel="noopener noreferrer">${label.html}</a>${joined(published, ...note).html}`,
      };
    }
    // A document kept in the repository has no public URL of its own: shown as text only.
    const where = own(source.document === undefined ? '' : ` [${source.document}]`);
    return joined(label, published, where, ...note);
  });
  // How sure the record is matters to readers of a reference: shown with its reasons.
  const confidence = joined(
    own(confidenceLabel(record.confidence.level)),
    ...(record.confidence.note === undefined ? [] : [own(' — '), rec(record.confidence.note)]),
  );
  return [
    { heading: 'When', lines: [joined(dates, ...dateNote)], list: false },
    { heading: 'Status', lines: [text(statusLabel(record.status))], list: false },
    { heading: 'Type', lines: [text(typeLabel(record.type))], list: false },
    {
      heading: 'Summary',
      lines: cleanText(record.summary)
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter((paragraph) => paragraph !== '')
        .map(rec),
      list: false,
    },
    { heading: 'Actors', lines: actors, list: true },
    { heading: 'Places', lines: places.length > 0 ? places : [text('None (remote)')], list: true },
    { heading: 'Themes', lines: [text(record.themes.map(themeLabel).join(', '))], list: false },
    { heading: 'Sources', lines: sources, list: true },
    { heading: 'Confidence', lines: [confidence], list: false },
  ];
}

function renderHtml(sections: Section[]): string {
  let html = '';
  for (const [index, { heading, lines, list }] of sections.entries()) {
    html += `${index === 0 ? '' : '\n'}<h3>${escapeHtml(heading)}</h3>`;
    if (list) html += '<ul>';
    for (const line of lines) html += list ? `<li>${line.html}</li>` : `<p>${line.html}</p>`;
    if (list) html += '</ul>';
  }
  return html;
}

function renderText(sections: Section[]): string {
  let text = '';
  for (const [index, { heading, lines, list }] of sections.entries()) {
    text += `${index === 0 ? '' : '\n\n'}${heading}\n`;
    for (const [at, line] of lines.entries()) {
      text += `${at === 0 ? '' : '\n'}${list ? '- ' : ''}${line.text}`;
    }
  }
  return text;
}

/** Build the item model of one record. */
export function toFeedItem({ record, siteUrl }: { record: Briefing; siteUrl: string }): FeedItem {
  const sections = sectionsOf({ record });
  const summary = cleanText(record.summary).trim();
  return {
    recordId: record.id,
    id: itemId({ siteUrl, recordId: record.id }),
    url: absoluteUrl({ siteUrl, path: recordPath({ id: record.id }) }),
    title: itemTitle(record),
    summary,
    summaryHtml: `<p>${escapeHtml(dateRangeLabel(record.date))} · ${escapeHtml(statusLabel(record.status))}</p><p>${escapeHtml(summary)}</p>`,
    contentHtml: renderHtml(sections),
    contentText: renderText(sections),
    published: dateAtUtcMidnight(record.revision.created),
    updated: dateAtUtcMidnight(record.revision.updated),
    eventStart: record.date.start,
    categories: record.themes.map((term) => ({
      scheme: absoluteUrl({ siteUrl, path: THEMES_PATH }),
      term,
      label: themeLabel(term),
    })),
  };
}

/** What orders an item among others and places it in pages. */
export type FeedItemKey = Pick<FeedItem, 'recordId' | 'published' | 'updated' | 'eventStart'>;

/** Newest update first; ties by event date (latest first), then id. */
export function compareItems(a: FeedItemKey, b: FeedItemKey): number {
  const updated = b.updated.getTime() - a.updated.getTime();
  if (updated !== 0) return updated;
  if (a.eventStart !== b.eventStart) return a.eventStart < b.eventStart ? 1 : -1;
  return a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0;
}

/** Oldest first by when the record was added (`revision.created`), then id. */
export function compareCreation(a: FeedItemKey, b: FeedItemKey): number {
  const published = a.published.getTime() - b.published.getTime();
  if (published !== 0) return published;
  return a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0;
}
