import { makeBriefing } from './fixtures.js';

/** Record-shaped values and whether they are valid: one corpus that zod and JSON Schema must agree on. */
export interface CorpusCase {
  name: string;
  value: unknown;
  /** The field path zod reports first (for invalid cases). */
  path?: string;
}

const base = makeBriefing();
const source = base.sources[0]!;
const actor = base.actors[0]!;
const place = base.places[0]!;

/** Valid records, beyond the fixture itself. */
export const VALID_CASES: CorpusCase[] = [
  { name: 'the fixture record', value: base },
  {
    name: 'a single day with no end',
    value: makeBriefing({ date: { start: '2023-09-13', precision: 'day' } }),
  },
  {
    name: 'a range across a year end',
    value: makeBriefing({ date: { start: '2023-12-29', end: '2024-01-02', precision: 'day' } }),
  },
  {
    name: 'month precision',
    value: makeBriefing({ date: { start: '2023-09-01', end: '2023-10-31', precision: 'month' } }),
  },
  {
    name: 'year precision',
    value: makeBriefing({ date: { start: '2024-01-01', precision: 'year' } }),
  },
  {
    name: '29 February of a leap year',
    value: makeBriefing({ date: { start: '2024-02-29', precision: 'day' } }),
  },
  { name: 'a remote call with no places', value: makeBriefing({ type: 'call', places: [] }) },
  {
    name: 'a place with no coordinates',
    value: makeBriefing({ places: [{ name: 'Rason', country: 'PRK' }] }),
  },
  {
    name: 'a source kept as a document',
    value: makeBriefing({
      sources: [
        {
          publisher: 'Briefing',
          title: 'Founding brief',
          document: 'seeds/documents/000_de4160cc50d9890e.txt',
        },
      ],
    }),
  },
  {
    name: 'an http (not https) url',
    value: makeBriefing({ sources: [{ ...source, url: 'http://kcna.kp/en' }] }),
  },
  {
    name: 'a url with Cyrillic and Hangul in its path',
    value: makeBriefing({
      sources: [{ ...source, url: 'https://ru.wikipedia.org/wiki/Лавров,_Сергей_Викторович' }],
    }),
  },
  {
    name: 'a KCNA url in Hangul',
    value: makeBriefing({
      sources: [{ ...source, url: 'http://www.kcna.kp/kp/article/q/조선.kcmsf' }],
    }),
  },
  {
    name: 'a status history and related records',
    value: makeBriefing({
      statusHistory: [{ status: 'announced', date: '2023-10-16' }],
      related: [{ id: 'kim-putin-vostochny-2023', relation: 'follows' }],
    }),
  },
  { name: 'several themes', value: makeBriefing({ themes: ['diplomacy', 'defense', 'space'] }) },
  {
    name: 'a confidence note',
    value: makeBriefing({ confidence: { level: 'low', note: 'Only KCNA reports it.' } }),
  },
];

const withSource = (patch: Record<string, unknown>) =>
  makeBriefing({ sources: [{ ...source, ...patch } as typeof source] });
const withDate = (date: Record<string, unknown>) => makeBriefing({ date: date as never });
const without = (key: string) => {
  const copy: Record<string, unknown> = { ...base };
  delete copy[key];
  return copy;
};

/** Invalid records that both zod and JSON Schema reject. */
export const INVALID_CASES: CorpusCase[] = [
  {
    name: 'a javascript: url',
    value: withSource({ url: 'javascript:alert(1)' }),
    path: 'sources[0].url',
  },
  {
    name: 'a data: url',
    value: withSource({ url: 'data:text/html,<script>alert(1)</script>' }),
    path: 'sources[0].url',
  },
  {
    name: 'a url with no scheme',
    value: withSource({ url: 'www.kcna.kp' }),
    path: 'sources[0].url',
  },
  { name: 'an ftp url', value: withSource({ url: 'ftp://example.org/x' }), path: 'sources[0].url' },
  {
    name: 'a source with neither url nor document',
    value: withSource({ url: undefined }),
    path: 'sources[0].url',
  },
  {
    name: 'a document outside seeds/documents',
    value: withSource({ document: '../etc/passwd' }),
    path: 'sources[0].document',
  },
  {
    name: 'a document that is the parent directory',
    value: withSource({ url: undefined, document: 'seeds/documents/..' }),
    path: 'sources[0].document',
  },
  { name: 'an unknown top-level key (typo)', value: { ...base, titel: 'x' }, path: '' },
  {
    name: 'an unknown nested key',
    value: withSource({ uri: 'https://example.org' }),
    path: 'sources[0]',
  },
  { name: 'a title that is a number', value: { ...base, title: 42 }, path: 'title' },
  {
    name: 'themes that are text, not a list',
    value: { ...base, themes: 'diplomacy' },
    path: 'themes',
  },
  {
    name: 'a latitude as text',
    value: makeBriefing({ places: [{ ...place, lat: '39.0' as never }] }),
    path: 'places[0].lat',
  },
  {
    name: 'a latitude out of range',
    value: makeBriefing({ places: [{ ...place, lat: 95 }] }),
    path: 'places[0].lat',
  },
  {
    name: 'lat without lon',
    value: makeBriefing({ places: [{ name: 'Pyongyang', country: 'PRK', lat: 39 }] }),
    path: 'places[0].lon',
  },
  {
    name: '30 February',
    value: withDate({ start: '2023-02-30', precision: 'day' }),
    path: 'date.start',
  },
  {
    name: '29 February of a common year',
    value: withDate({ start: '2023-02-29', precision: 'day' }),
    path: 'date.start',
  },
  {
    name: 'a date with a time',
    value: withDate({ start: '2023-10-18T10:00:00Z', precision: 'day' }),
    path: 'date.start',
  },
  {
    name: 'a day-first date',
    value: withDate({ start: '18.10.2023', precision: 'day' }),
    path: 'date.start',
  },
  {
    name: 'an unknown precision',
    value: withDate({ start: '2023-10-18', precision: 'week' }),
    path: 'date.precision',
  },
  { name: 'an unknown type', value: { ...base, type: 'meeting' }, path: 'type' },
  { name: 'an unknown status', value: { ...base, status: 'done' }, path: 'status' },
  { name: 'an unknown theme', value: { ...base, themes: ['sports'] }, path: 'themes[0]' },
  {
    name: 'a duplicate theme',
    value: { ...base, themes: ['diplomacy', 'diplomacy'] },
    path: 'themes[1]',
  },
  { name: 'no themes', value: { ...base, themes: [] }, path: 'themes' },
  { name: 'no sources', value: { ...base, sources: [] }, path: 'sources' },
  { name: 'no actors', value: { ...base, actors: [] }, path: 'actors' },
  {
    name: 'an unknown actor role',
    value: makeBriefing({ actors: [{ ...actor, role: 'guest' as never }] }),
    path: 'actors[0].role',
  },
  {
    name: 'a lowercase country code',
    value: makeBriefing({ actors: [{ ...actor, country: 'rus' }] }),
    path: 'actors[0].country',
  },
  {
    name: 'a two-letter country code',
    value: makeBriefing({ actors: [{ ...actor, country: 'RU' }] }),
    path: 'actors[0].country',
  },
  {
    name: 'a country code that names no country (a typo of RUS)',
    value: makeBriefing({ actors: [{ ...actor, country: 'RSU' }] }),
    path: 'actors[0].country',
  },
  {
    name: 'a place in a country code that is not assigned',
    value: makeBriefing({ places: [{ name: 'Nowhere', country: 'XXX' }] }),
    path: 'places[0].country',
  },
  { name: 'an id with capitals', value: { ...base, id: 'Lavrov-Pyongyang' }, path: 'id' },
  { name: 'an id with a double hyphen', value: { ...base, id: 'lavrov--pyongyang' }, path: 'id' },
  { name: 'an empty title', value: { ...base, title: '' }, path: 'title' },
  { name: 'a title of spaces only', value: { ...base, title: '   ' }, path: 'title' },
  { name: 'a missing summary', value: without('summary'), path: 'summary' },
  { name: 'a missing revision', value: without('revision'), path: 'revision' },
  {
    name: 'an empty change log',
    value: makeBriefing({ revision: { ...base.revision, changes: [] } }),
    path: 'revision.changes',
  },
  {
    name: 'an unknown relation',
    value: makeBriefing({ related: [{ id: 'x', relation: 'cites' as never }] }),
    path: 'related[0].relation',
  },
  {
    name: 'a bad language tag',
    value: withSource({ language: 'English' }),
    path: 'sources[0].language',
  },
  { name: 'a null field', value: { ...base, announcedOn: null }, path: 'announcedOn' },
];

/** Invalid records that only zod rejects: rules JSON Schema cannot state. */
export const ZOD_ONLY_INVALID_CASES: CorpusCase[] = [
  {
    name: 'an end before the start',
    value: withDate({ start: '2023-10-19', end: '2023-10-18', precision: 'day' }),
    path: 'date.end',
  },
  {
    name: 'month precision not on the 1st',
    value: withDate({ start: '2023-09-13', precision: 'month' }),
    path: 'date.start',
  },
  {
    name: 'month precision ending mid-month',
    value: withDate({ start: '2023-09-01', end: '2023-10-15', precision: 'month' }),
    path: 'date.end',
  },
  {
    name: 'year precision not on 1 January',
    value: withDate({ start: '2023-03-01', precision: 'year' }),
    path: 'date.start',
  },
  {
    name: 'year precision not ending 31 December',
    value: withDate({ start: '2023-01-01', end: '2024-06-30', precision: 'year' }),
    path: 'date.end',
  },
  {
    name: 'an update before creation',
    value: makeBriefing({
      revision: { ...base.revision, created: '2024-02-01', updated: '2024-01-01' },
    }),
    path: 'revision.updated',
  },
  {
    name: 'a url that does not parse',
    value: withSource({ url: 'https://example.org:port/' }),
    path: 'sources[0].url',
  },
];
