// A record as the rows the index stores: everything computed from it (its JSON, the folded
// text the text filter searches, the months it spans), ready to bind. Built where the record is
// checked, which may be a worker thread: the writer then only binds values.
import {
  effectiveEnd,
  foldText,
  monthsBetween,
  searchableText,
  type Briefing,
  type Related,
} from '@briefing/schema';

type Cell = string | number | null;

export interface RecordRow {
  id: string;
  title: string;
  related?: Related[];
  /** The columns of `records` from `type` to `json`, in table order (see index-writer.ts). */
  type: string;
  status: string;
  startDate: string;
  endDate: string;
  precision: string;
  confidence: string;
  announcedOn: string | null;
  created: string;
  updated: string;
  names: string;
  summary: string;
  json: string;
  /** The text filter's folded text; `exact` holds it as JSON when UTF-8 cannot (lone surrogates). */
  haystack: string;
  exact: string | null;
  /** Rows of the other tables, without the record id and position. */
  actors: Cell[][];
  places: Cell[][];
  themes: string[];
  sources: Cell[][];
  relations: Cell[][];
  months: string[];
}

export function recordRow(record: Briefing): RecordRow {
  const haystack = searchableText(record);
  const end = effectiveEnd(record.date);
  return {
    id: record.id,
    title: record.title,
    ...(record.related === undefined ? {} : { related: record.related }),
    type: record.type,
    status: record.status,
    startDate: record.date.start,
    endDate: end,
    precision: record.date.precision,
    confidence: record.confidence.level,
    announcedOn: record.announcedOn ?? null,
    created: record.revision.created,
    updated: record.revision.updated,
    // What full-text search finds besides title and summary: the names of actors and places.
    names: [...record.actors, ...record.places].map((named) => named.name).join('\n'),
    summary: record.summary,
    json: JSON.stringify(record),
    haystack,
    exact: haystack.isWellFormed() ? null : JSON.stringify(haystack),
    actors: record.actors.map((a) => [
      a.name,
      foldText(a.name),
      a.country,
      a.office ?? null,
      a.role,
    ]),
    places: record.places.map((p) => [
      p.name,
      foldText(p.name),
      p.country,
      p.lat ?? null,
      p.lon ?? null,
    ]),
    themes: record.themes,
    sources: record.sources.map((s) => [
      s.publisher,
      s.title,
      s.url ?? null,
      s.document ?? null,
      s.published ?? null,
      s.accessed ?? null,
      s.language ?? null,
      s.note ?? null,
    ]),
    relations: (record.related ?? []).map((r) => [r.id, r.relation]),
    months: monthsBetween({ start: record.date.start, end }),
  };
}
