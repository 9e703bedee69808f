import { HttpUrl, type Briefing, type Source } from '@briefing/schema';
import { analyseSentence } from './analyse-sentence.js';
import { buildDraft } from './build-draft.js';
import { findArticleDate } from './dates/article-date.js';
import { isRealIsoDate } from './dates/calendar.js';
import type { ReferenceDate } from './dates/resolve-date.js';
import { defaultGazetteers, type Gazetteers } from './gazetteer.js';
import { excerpt, groupEvents } from './group-events.js';
import { readArticle, type ArticleFormat } from './read-article.js';
import { splitSentences } from './split-sentences.js';

/** Why an article gave no drafts; each is bad input for `briefing extract` (exit 1). */
export type ExtractFailure =
  'empty' | 'no-engagement' | 'no-date' | 'no-source' | 'bad-reference-date';

/** An article that cannot give drafts, with a message a person can act on. */
export class ExtractError extends Error {
  constructor(
    readonly reason: ExtractFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}

export interface ExtractOptions {
  text: string;
  format: ArticleFormat;
  /** YYYY-MM-DD: the article's date, when the article does not give it (or to override it). */
  referenceDate?: string;
  /** Where the article can be read; http(s). */
  sourceUrl?: string;
  /** The article's path under seeds/documents/, when it is kept in this repository. */
  documentPath?: string;
  publisher?: string;
  sourceTitle?: string;
  /** Today's date for the revision, YYYY-MM-DD. */
  today: string;
  gazetteers?: Gazetteers;
}

export interface ExtractResult {
  drafts: Briefing[];
  /** Engagements skipped and guesses worth a look, one line each. */
  warnings: string[];
  reference?: ReferenceDate;
}

/**
 * Drafts briefing records from an article: reads it, splits sentences, finds engagements,
 * their dates, actors, places, themes and status, and returns records valid against the schema.
 * Throws `ExtractError` when the article gives none.
 */
export function extractDrafts(options: ExtractOptions): ExtractResult {
  const gazetteers = options.gazetteers ?? defaultGazetteers();
  if (options.referenceDate !== undefined && !isRealIsoDate(options.referenceDate)) {
    throw new ExtractError(
      'bad-reference-date',
      `reference date: expected a calendar date YYYY-MM-DD, got ${JSON.stringify(options.referenceDate)}`,
    );
  }
  const { body, meta } = readArticle({ text: options.text, format: options.format });
  if (body.trim() === '') throw new ExtractError('empty', 'the article has no text');

  const reference = findArticleDate({
    meta,
    body,
    ...(options.referenceDate !== undefined && { flag: options.referenceDate }),
  });
  // A dateline ("MOSCOW, August 12, 2025 —") dates the article, not an engagement.
  const dateline = reference?.dateline ?? findArticleDate({ meta: {}, body })?.dateline;
  const story = dateline === undefined ? body : body.replace(dateline, '');
  const source = sourceOf({ options, meta, body: story, reference });
  const sentences = splitSentences({ text: story });
  const facts = sentences.map((sentence) =>
    analyseSentence({ sentence, gazetteers, ...(reference && { referenceDate: reference.date }) }),
  );
  const events = groupEvents({ facts, ...(reference && { reference }) });
  if (events.length === 0) {
    throw new ExtractError(
      'no-engagement',
      'no engagement found: no sentence names a visit, meeting, talks, call, agreement or announcement together with a known person or place (see data/triggers.json and data/people.json)',
    );
  }

  const warnings: string[] = [];
  const drafts: Briefing[] = [];
  const taken = new Set<string>();
  for (const event of events) {
    const built = buildDraft({
      event,
      gazetteers,
      source,
      ...(reference && { reference }),
      today: options.today,
      takenIds: taken,
    });
    if (!built.ok) {
      warnings.push(built.problem);
      continue;
    }
    taken.add(built.record.id);
    drafts.push(built.record);
  }
  if (drafts.length === 0) {
    const dateless = events.filter((event) => event.date === undefined);
    if (dateless.length === events.length) {
      const noYear = dateless.some((event) => event.dateProblem?.includes('--reference-date'));
      throw new ExtractError(
        'no-date',
        noYear
          ? `no date for any of the ${events.length} engagements found: the article gives days or months without a year and no date of its own; pass --reference-date YYYY-MM-DD`
          : `no date for any of the ${events.length} engagements found (first: "${excerpt(events[0]!.main.sentence.text, 60)}")`,
      );
    }
    throw new ExtractError(
      'no-engagement',
      `no draft could be made: ${warnings[0] ?? 'no engagement'}`,
    );
  }
  return { drafts, warnings, ...(reference && { reference }) };
}

function sourceOf({
  options,
  meta,
  body,
  reference,
}: {
  options: ExtractOptions;
  meta: ReturnType<typeof readArticle>['meta'];
  body: string;
  reference: ReferenceDate | undefined;
}): Source {
  const metaUrl =
    meta.url !== undefined && HttpUrl.safeParse(meta.url).success ? meta.url : undefined;
  const url = options.sourceUrl ?? metaUrl;
  if (url === undefined && options.documentPath === undefined) {
    throw new ExtractError(
      'no-source',
      'a draft needs a source that says where the article can be read: pass --source-url https://… (or keep the article under seeds/documents/)',
    );
  }
  const host = url === undefined ? undefined : new URL(url).hostname.replace(/^www\./, '');
  const firstLine =
    body
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'Untitled article';
  const notes = ['Article the draft was extracted from'];
  if (options.publisher === undefined && meta.publisher === undefined) {
    notes.push(host === undefined ? 'publisher not stated' : 'publisher taken from the URL host');
  }
  if (options.sourceUrl === undefined && metaUrl !== undefined)
    notes.push("URL from the article's metadata");
  const published =
    reference !== undefined && reference.from !== '--reference-date' ? reference.date : undefined;
  return {
    publisher: options.publisher ?? meta.publisher ?? host ?? 'Unattributed source document',
    title: options.sourceTitle ?? meta.title ?? excerpt(firstLine, 120),
    ...(url !== undefined && { url }),
    ...(options.documentPath !== undefined && { document: options.documentPath }),
    ...(published !== undefined && { published }),
    language: 'en',
    note: `${notes.join('; ')}.`,
  };
}
