import { formatDateRange, type Briefing } from '@briefing/schema';
import {
  countryName,
  eventLastDay,
  recordCountries,
  recordPath,
  statusLabel,
  themeLabel,
  typeLabel,
} from '@briefing/present';
import { csvLines } from '../csv.js';

const HEADER = [
  'id',
  'title',
  'date',
  'start',
  'end',
  'precision',
  'type',
  'status',
  'themes',
  'actors',
  'places',
  'countries',
  'summary',
  'sources',
  'confidence',
  'updated',
  'url',
];

/** The records as CSV lines, one row each; list cells are joined with "; ". */
export function briefingsCsv({
  records,
  siteUrl,
}: {
  records: Iterable<Briefing>;
  siteUrl: string;
}): Generator<string> {
  const base = siteUrl.replace(/\/$/, '');
  return csvLines({
    header: HEADER,
    rows: map(records, (record) => [
      record.id,
      record.title,
      formatDateRange(record.date),
      record.date.start,
      eventLastDay(record.date),
      record.date.precision,
      typeLabel(record.type),
      statusLabel(record.status),
      record.themes.map(themeLabel).join('; '),
      record.actors.map((actor) => `${actor.name} (${countryName(actor.country)})`).join('; '),
      record.places.map((place) => place.name).join('; '),
      recordCountries(record).map(countryName).join('; '),
      record.summary,
      record.sources.map((source) => source.url ?? source.document ?? '').join('; '),
      record.confidence.level,
      record.revision.updated,
      `${base}${recordPath({ id: record.id })}`,
    ]),
  });
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}
