import { z } from 'zod';
import { isEndOfMonth } from './calendar-date.js';
import { COUNTRY_CODES, isKnownCountry } from './countries.js';
import { describeValue } from './issue-message.js';
import {
  ActorRole,
  BriefingType,
  ConfidenceLevel,
  DatePrecision,
  RelationKind,
  Status,
  ThemeId,
} from './vocabulary.js';

/** A calendar date, not an instant: "2023-10-18" is the same day in every time zone. */
export const IsoDate = z.iso
  .date({
    error: (issue) => `expected a calendar date YYYY-MM-DD, got ${describeValue(issue.input)}`,
  })
  .meta({ description: 'An ISO 8601 calendar date (YYYY-MM-DD), not an instant.' });
export type IsoDate = z.infer<typeof IsoDate>;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'expected non-empty text' })
    .max(max, { error: `expected at most ${max} characters` });

/** Only http(s) links may reach a reader: `javascript:` and `data:` URLs are refused. */
export const HttpUrl = z
  .string()
  .max(2000, { error: 'expected a URL of at most 2000 characters' })
  .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, {
    error: (issue) => `expected an http(s) URL, got ${JSON.stringify(issue.input)}`,
    // One problem per field: a URL with no scheme need not also be called malformed.
    abort: true,
  })
  .refine((value) => URL.canParse(value), {
    error: (issue) => `expected a well-formed http(s) URL, got ${describeValue(issue.input)}`,
  })
  // No `format: uri`: RFC 3986 checkers refuse the Cyrillic and Hangul URLs that sources here have.
  .meta({
    description: 'An absolute http:// or https:// URL (an IRI: non-ASCII characters allowed).',
  });

export const Slug = z
  .string()
  .max(100, { error: 'expected an id of at most 100 characters' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: (issue) =>
      `expected a kebab-case id (lowercase letters, digits, single hyphens), got ${JSON.stringify(issue.input)}`,
  })
  .meta({ description: 'A kebab-case slug; a record id never changes once published.' });

export const CountryCode = z
  .string()
  .regex(/^[A-Z]{3}$/, {
    error: (issue) =>
      `expected an ISO 3166-1 alpha-3 country code such as RUS or PRK, got ${JSON.stringify(issue.input)}`,
    abort: true,
  })
  // A typo such as RSU has the right shape: only an assigned code names a country.
  .refine(isKnownCountry, {
    error: (issue) =>
      `expected an assigned ISO 3166-1 alpha-3 country code such as RUS or PRK, got ${JSON.stringify(issue.input)}, which names no country`,
  })
  .meta({
    description: 'ISO 3166-1 alpha-3 country code (RUS, PRK, CHN, USA…).',
    enum: [...COUNTRY_CODES],
  });

export const EventDate = z
  .strictObject({
    start: IsoDate.meta({ description: 'First day of the engagement.' }),
    end: IsoDate.optional().meta({
      description: 'Last day, inclusive; omitted for a single day (or a single month or year).',
    }),
    precision: DatePrecision,
    note: text(500).optional().meta({
      description: 'What is known of the dates, e.g. "Kim received Lavrov on 19 Oct".',
    }),
  })
  .superRefine((date, ctx) => {
    if (date.end !== undefined && date.end < date.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `expected an end on or after the start ${date.start}, got ${date.end}`,
      });
    }
    if (date.precision === 'month') {
      if (!date.start.endsWith('-01')) {
        ctx.addIssue({
          code: 'custom',
          path: ['start'],
          message: `month precision: expected the first day of a month, got ${date.start}`,
        });
      }
      if (date.end !== undefined && !isEndOfMonth(date.end)) {
        ctx.addIssue({
          code: 'custom',
          path: ['end'],
          message: `month precision: expected the last day of a month, got ${date.end}`,
        });
      }
    }
    if (date.precision === 'year') {
      if (!date.start.endsWith('-01-01')) {
        ctx.addIssue({
          code: 'custom',
          path: ['start'],
          message: `year precision: expected 1 January, got ${date.start}`,
        });
      }
      if (date.end !== undefined && !date.end.endsWith('-12-31')) {
        ctx.addIssue({
          code: 'custom',
          path: ['end'],
          message: `year precision: expected 31 December, got ${date.end}`,
        });
      }
    }
  })
  .meta({ description: 'When the engagement took place, as calendar dates and their precision.' });
export type EventDate = z.infer<typeof EventDate>;

export const Actor = z
  .strictObject({
    name: text(200).meta({ description: 'Person or body, e.g. "Sergei Lavrov", "State Duma".' }),
    country: CountryCode,
    office: text(200)
      .optional()
      .meta({ description: 'Office held at the time of the engagement.' }),
    role: ActorRole,
  })
  .meta({ description: 'A person or body taking part.' });
export type Actor = z.infer<typeof Actor>;

export const Place = z
  .strictObject({
    name: text(200).meta({ description: 'Place name, e.g. "Vostochny Cosmodrome, Amur Oblast".' }),
    country: CountryCode,
    lat: z.number().min(-90).max(90).optional().meta({ description: 'Latitude, WGS 84 degrees.' }),
    lon: z
      .number()
      .min(-180)
      .max(180)
      .optional()
      .meta({ description: 'Longitude, WGS 84 degrees.' }),
  })
  .superRefine((place, ctx) => {
    if ((place.lat === undefined) !== (place.lon === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [place.lat === undefined ? 'lat' : 'lon'],
        message: 'expected lat and lon together, or neither',
      });
    }
  })
  .meta({ description: 'Where the engagement took place.' });
export type Place = z.infer<typeof Place>;

export const Source = z
  .strictObject({
    publisher: text(200).meta({ description: 'Who published it, e.g. "TASS", "KCNA".' }),
    title: text(500).meta({ description: 'Headline or description of the source.' }),
    url: HttpUrl.optional().meta({ description: 'Where to read it; http(s) only.' }),
    document: z
      .string()
      .regex(/^seeds\/documents\/(?!\.\.?$)[A-Za-z0-9._-]+$/, {
        error: (issue) =>
          `expected a path under seeds/documents/, e.g. seeds/documents/000_de4160cc50d9890e.txt, got ${describeValue(issue.input)}`,
      })
      .optional()
      .meta({ description: 'A source document kept in this repository, by its path.' }),
    published: IsoDate.optional().meta({ description: 'Publication date.' }),
    accessed: IsoDate.optional().meta({ description: 'When it was last read.' }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
        error: (issue) =>
          `expected a BCP 47 language tag such as en or ru, got ${describeValue(issue.input)}`,
      })
      .optional()
      .meta({ description: 'BCP 47 language tag of the source (en, ru, ko…).' }),
    note: text(500).optional().meta({
      description: 'What the citation does not say by itself, e.g. that only the host is known.',
    }),
  })
  .refine((source) => source.url !== undefined || source.document !== undefined, {
    error: 'expected a url or a document: a source must say where it can be read',
    path: ['url'],
  })
  .meta({ description: 'A source the record rests on.' });
export type Source = z.infer<typeof Source>;

export const Confidence = z
  .strictObject({
    level: ConfidenceLevel,
    note: text(1000).optional().meta({
      description: 'Doubts and disagreements between sources, and how they were settled.',
    }),
  })
  .meta({ description: 'How sure the record is, and why.' });
export type Confidence = z.infer<typeof Confidence>;

export const Related = z
  .strictObject({
    id: Slug.meta({ description: 'Id of the related record.' }),
    relation: RelationKind,
  })
  .meta({ description: 'A link to another record.' });
export type Related = z.infer<typeof Related>;

export const StatusChange = z
  .strictObject({
    status: Status,
    date: IsoDate.meta({ description: 'When the status took effect or was reported.' }),
    note: text(500).optional(),
  })
  .meta({ description: 'One step in the status history.' });
export type StatusChange = z.infer<typeof StatusChange>;

export const Change = z
  .strictObject({
    date: IsoDate,
    note: text(500).meta({ description: 'What changed in the record.' }),
  })
  .meta({ description: 'One entry in the change log.' });
export type Change = z.infer<typeof Change>;

export const Revision = z
  .strictObject({
    created: IsoDate.meta({ description: 'When the record was first published.' }),
    updated: IsoDate.meta({ description: 'When the record last changed.' }),
    changes: z.array(Change).min(1, { error: 'expected at least one change-log entry' }),
  })
  .superRefine((revision, ctx) => {
    if (revision.updated < revision.created) {
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        message: `expected an update on or after creation ${revision.created}, got ${revision.updated}`,
      });
    }
  })
  .meta({ description: 'When the record was created and changed.' });
export type Revision = z.infer<typeof Revision>;

const uniqueThemes = z
  .array(ThemeId)
  .min(1, { error: 'expected at least one theme' })
  .superRefine((themes, ctx) => {
    themes.forEach((theme, index) => {
      if (themes.indexOf(theme) !== index) {
        ctx.addIssue({ code: 'custom', path: [index], message: `duplicate theme "${theme}"` });
      }
    });
  })
  .meta({ description: 'Themes from the controlled vocabulary, each once.', uniqueItems: true });

/** One Russia–DPRK engagement: what, when, where, who, and on what sources it rests. */
export const Briefing = z
  .strictObject({
    id: Slug,
    title: text(200).meta({ description: 'Headline of the engagement.' }),
    summary: text(5000).meta({ description: 'What happened, in a few plain sentences.' }),
    type: BriefingType,
    status: Status,
    statusHistory: z.array(StatusChange).optional().meta({
      description: 'Earlier statuses, oldest first (announced, then occurred…).',
    }),
    date: EventDate,
    announcedOn: IsoDate.optional().meta({ description: 'When the engagement was announced.' }),
    themes: uniqueThemes,
    actors: z.array(Actor).min(1, { error: 'expected at least one actor' }),
    places: z.array(Place).meta({ description: 'Places; empty for a remote call.' }),
    sources: z.array(Source).min(1, { error: 'expected at least one source' }),
    confidence: Confidence,
    related: z.array(Related).optional().meta({ description: 'Links to other records.' }),
    revision: Revision,
  })
  .meta({
    id: 'Briefing',
    title: 'Briefing record',
    description:
      'One Russia–DPRK engagement: what, when, where, who, and on what sources it rests.',
  });
export type Briefing = z.infer<typeof Briefing>;
