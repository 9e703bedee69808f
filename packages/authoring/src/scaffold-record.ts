import { formatProblem, validateBriefing, type Briefing, type Problem } from '@briefing/schema';
import { monthRange } from './dates/calendar.js';
import { draftId, slugify } from './draft-text.js';
import { defaultGazetteers, type Gazetteers } from './gazetteer.js';
import { foldTerm } from './normalize.js';

/** What `briefing new` asks for; all text as typed. */
export interface ScaffoldInput {
  id?: string;
  title?: string;
  summary?: string;
  type?: string;
  status?: string;
  /** YYYY-MM-DD, or YYYY-MM (month precision), or YYYY (year precision). */
  start?: string;
  end?: string;
  precision?: string;
  themes: string[];
  /** "Name|RUS|role|office" (office optional). */
  actors: string[];
  /** "Name|PRK" or "Name|PRK|lat|lon". */
  places: string[];
  sourceUrl?: string;
  sourcePublisher?: string;
  sourceTitle?: string;
  confidence?: string;
  confidenceNote?: string;
  today: string;
}

export type ScaffoldResult = { ok: true; record: Briefing } | { ok: false; problems: string[] };

/** Builds a record from `briefing new` input and checks it against the schema. */
export function scaffoldRecord({
  input,
  file,
  gazetteers = defaultGazetteers(),
}: {
  input: ScaffoldInput;
  file?: string;
  /** To name people and places in the default id as extracted drafts do. */
  gazetteers?: Gazetteers;
}): ScaffoldResult {
  const problems: string[] = [];
  const actors = input.actors.map((spec, index) => {
    const [name = '', country = '', role = '', ...office] = spec
      .split('|')
      .map((part) => part.trim());
    if (role === '')
      problems.push(
        `--actor #${index + 1}: expected "Name|RUS|role|office", got ${JSON.stringify(spec)}`,
      );
    const officeText = office.join('|');
    return { name, country, role, ...(officeText !== '' && { office: officeText }) };
  });
  const places = input.places.map((spec, index) => {
    const [name = '', country = '', lat, lon, ...rest] = spec.split('|').map((part) => part.trim());
    if (country === '' || rest.length > 0 || (lat === undefined) !== (lon === undefined)) {
      problems.push(
        `--place #${index + 1}: expected "Name|PRK" or "Name|PRK|lat|lon", got ${JSON.stringify(spec)}`,
      );
    }
    const coordinates =
      lat !== undefined && lon !== undefined ? { lat: Number(lat), lon: Number(lon) } : {};
    return { name, country, ...coordinates };
  });
  if (problems.length > 0) return { ok: false, problems };

  const date = dateOf(input);
  const start = date.start ?? '';
  const id =
    input.id ??
    draftId({
      actorSlugs: actors.map((actor) => slugOf(actor.name, gazetteers.people)),
      ...(places[0] !== undefined && { placeSlug: slugOf(places[0].name, gazetteers.places) }),
      start: start === '' ? input.today : start,
      taken: new Set(),
    });
  const status =
    input.status ?? (start !== '' && (date.end ?? start) < input.today ? 'occurred' : 'planned');
  const value = {
    id,
    title: input.title,
    summary: input.summary,
    type: input.type,
    status,
    date,
    themes: input.themes,
    actors,
    places,
    sources: [
      {
        publisher: input.sourcePublisher,
        title: input.sourceTitle,
        url: input.sourceUrl,
      },
    ],
    confidence: {
      level: input.confidence ?? 'medium',
      ...(input.confidenceNote !== undefined && { note: input.confidenceNote }),
    },
    revision: {
      created: input.today,
      updated: input.today,
      changes: [{ date: input.today, note: 'Created with briefing new' }],
    },
  };
  const checked = validateBriefing({ value, ...(file !== undefined && { file }) });
  if (checked.record === undefined) {
    return {
      ok: false,
      problems: checked.problems.map((problem: Problem) => formatProblem(problem)),
    };
  }
  return { ok: true, record: checked.record };
}

/** Start, end and precision from what was typed: "2023-09" is the whole of September. */
function dateOf(input: ScaffoldInput): { start?: string; end?: string; precision?: string } {
  const start = input.start;
  const month = start === undefined ? null : /^(\d{4})-(\d{2})$/.exec(start);
  const year = start === undefined ? null : /^(\d{4})$/.exec(start);
  const endMonth = input.end === undefined ? null : /^(\d{4})-(\d{2})$/.exec(input.end);
  const endYear = input.end === undefined ? null : /^(\d{4})$/.exec(input.end);
  if (month) {
    const range = monthRange(Number(month[1]), Number(month[2]));
    const end = endMonth
      ? monthRange(Number(endMonth[1]), Number(endMonth[2])).end
      : (input.end ?? range.end);
    return { start: range.start, end, precision: input.precision ?? 'month' };
  }
  if (year) {
    const end = endYear ? `${endYear[1]}-12-31` : (input.end ?? `${year[1]}-12-31`);
    return { start: `${year[1]}-01-01`, end, precision: input.precision ?? 'year' };
  }
  return {
    ...(start !== undefined && { start }),
    ...(input.end !== undefined && { end: input.end }),
    precision: input.precision ?? 'day',
  };
}

/** The id part for a name: the gazetteer's (Choe Son Hui → choe), else its first word before a comma or its surname. */
function slugOf(
  name: string,
  entries: readonly { name: string; variants: string[]; slug?: string }[],
): string {
  const folded = foldTerm(name);
  const entry = entries.find((candidate) =>
    [candidate.name, ...candidate.variants].some((variant) => foldTerm(variant) === folded),
  );
  if (entry !== undefined)
    return entry.slug ?? slugify(entry.name.split(',')[0]!.split(' ').at(-1)!);
  return slugify(name.split(',')[0]!.split(' ').at(-1) ?? name);
}
