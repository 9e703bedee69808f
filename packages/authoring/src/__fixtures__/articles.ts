// The test articles and the drafts a careful reader would make of each: the expectations
// behind the extraction tests and the precision/recall benchmark.
import { readFileSync } from 'node:fs';
import type { BriefingType, DatePrecision, Status, ThemeId } from '@briefing/schema';
import type { ArticleFormat, ExtractFailure } from '../index.js';

export interface ExpectedDraft {
  type: BriefingType;
  status: Status;
  start: string;
  end?: string;
  precision: DatePrecision;
  /** "Name:role" */
  actors: string[];
  places: string[];
  themes: ThemeId[];
}

export interface ArticleCase {
  name: string;
  /** Path from the package root. */
  file: string;
  format: ArticleFormat;
  referenceDate?: string;
  sourceUrl?: string;
  documentPath?: string;
  /**
   * Written after the extractor was tuned and never used to tune it: the benchmark reports
   * these apart, and the tests only check that their drafts are valid records.
   */
  heldOut?: boolean;
  /** The drafts, in article order; or the reason the article gives none. */
  expected: ExpectedDraft[] | { failure: ExtractFailure; message: RegExp };
}

const articles = 'src/__fixtures__/articles';

export const FOUNDING_DOCUMENT = 'seeds/documents/000_de4160cc50d9890e.txt';

export const ARTICLE_CASES: ArticleCase[] = [
  {
    name: 'the founding news brief',
    file: `../../${FOUNDING_DOCUMENT}`,
    format: 'text',
    referenceDate: '2023-10-16',
    documentPath: FOUNDING_DOCUMENT,
    expected: [
      {
        type: 'visit',
        status: 'announced',
        start: '2023-10-18',
        end: '2023-10-19',
        precision: 'day',
        actors: ['Sergei Lavrov:visitor', 'Russian Foreign Ministry:speaker'],
        places: ['Pyongyang'],
        themes: ['diplomacy', 'regional-security', 'space', 'science-technology', 'defense'],
      },
      {
        type: 'site-visit',
        status: 'occurred',
        start: '2023-09-01',
        end: '2023-09-30',
        precision: 'month',
        actors: ['Kim Jong Un:visitor'],
        places: ['Primorsky Oceanarium, Russky Island, Vladivostok'],
        themes: ['culture-education', 'science-technology'],
      },
      {
        type: 'summit',
        status: 'occurred',
        start: '2023-09-01',
        end: '2023-09-30',
        precision: 'month',
        actors: ['Kim Jong Un:visitor', 'Vladimir Putin:host'],
        places: ['Vostochny Cosmodrome, Amur Oblast'],
        themes: ['diplomacy', 'space', 'defense'],
      },
    ],
  },
  {
    name: 'an HTML report with a <time> element',
    file: `${articles}/lavrov-visit-announced.html`,
    format: 'html',
    sourceUrl: 'https://example.org/wire/lavrov-pyongyang',
    expected: [
      {
        type: 'visit',
        status: 'announced',
        start: '2023-10-18',
        end: '2023-10-19',
        precision: 'day',
        actors: ['Sergei Lavrov:visitor', 'Russian Foreign Ministry:speaker'],
        places: ['Pyongyang'],
        themes: ['diplomacy', 'regional-security'],
      },
    ],
  },
  {
    name: 'a Markdown article with front matter',
    file: `${articles}/choe-moscow-talks.md`,
    format: 'markdown',
    sourceUrl: 'https://example.org/review/choe-moscow',
    expected: [
      {
        type: 'visit',
        status: 'occurred',
        start: '2024-01-16',
        precision: 'day',
        actors: ['Choe Son Hui:visitor', 'Sergei Lavrov:host'],
        places: ['Moscow'],
        themes: ['diplomacy', 'regional-security'],
      },
    ],
  },
  {
    name: 'a phone call with a dateline',
    file: `${articles}/putin-kim-phone-call.txt`,
    format: 'text',
    sourceUrl: 'https://example.org/kremlin/call',
    expected: [
      {
        type: 'call',
        status: 'occurred',
        start: '2025-08-12',
        precision: 'day',
        actors: ['Vladimir Putin:participant', 'Kim Jong Un:participant', 'Kremlin:speaker'],
        places: [],
        themes: ['diplomacy', 'defense'],
      },
    ],
  },
  {
    name: 'a postponed visit',
    file: `${articles}/culture-visit-postponed.txt`,
    format: 'text',
    sourceUrl: 'https://example.org/culture/postponed',
    expected: [
      {
        type: 'visit',
        status: 'postponed',
        start: '2025-03-10',
        precision: 'day',
        actors: ['Olga Lyubimova:visitor'],
        places: ['Pyongyang'],
        themes: ['culture-education'],
      },
    ],
  },
  {
    name: 'a cancelled delegation trip',
    file: `${articles}/delegation-cancelled.md`,
    format: 'markdown',
    sourceUrl: 'https://example.org/duma/cancelled',
    expected: [
      {
        type: 'delegation',
        status: 'cancelled',
        start: '2025-06-01',
        end: '2025-06-30',
        precision: 'month',
        actors: ['State Duma:participant', 'Vyacheslav Volodin:visitor'],
        places: ['Pyongyang'],
        themes: ['diplomacy'],
      },
    ],
  },
  {
    name: 'an agreement signed over dates across two months',
    file: `${articles}/defence-agreement-signed.txt`,
    format: 'text',
    sourceUrl: 'https://example.org/defence/agreement',
    expected: [
      {
        type: 'agreement',
        status: 'occurred',
        start: '2024-11-29',
        end: '2024-12-02',
        precision: 'day',
        actors: ['Andrei Belousov:signatory', 'No Kwang Chol:signatory'],
        places: ['Pyongyang'],
        themes: ['defense'],
      },
    ],
  },
  {
    name: 'a meeting and a commission session "the following day"',
    file: `${articles}/commission-following-day.txt`,
    format: 'text',
    sourceUrl: 'https://example.org/commission/11th',
    expected: [
      {
        type: 'talks',
        status: 'occurred',
        start: '2024-11-18',
        precision: 'day',
        actors: ['Kim Jong Un:host', 'Alexander Kozlov:visitor'],
        places: ['Pyongyang'],
        themes: ['trade-energy'],
      },
      {
        type: 'commission',
        status: 'occurred',
        start: '2024-11-19',
        precision: 'day',
        actors: ['Alexander Kozlov:visitor', 'Yun Jong Ho:host'],
        places: ['Pyongyang'],
        themes: ['trade-energy'],
      },
    ],
  },
  {
    name: 'an article with no engagement',
    file: `${articles}/no-engagement.txt`,
    format: 'text',
    sourceUrl: 'https://example.org/markets/rice',
    expected: { failure: 'no-engagement', message: /^no engagement found/ },
  },
  {
    name: 'an article with no date',
    file: `${articles}/no-date.txt`,
    format: 'text',
    sourceUrl: 'https://example.org/defence/undated',
    expected: { failure: 'no-date', message: /^no date for any of the 1 engagements found/ },
  },
];

/** Articles written after the extractor was tuned: what a careful reader would draft. */
export const HELD_OUT_CASES: ArticleCase[] = [
  {
    name: 'held out: a defence delegation and a meeting "the following day"',
    file: `${articles}/held-out-shoigu-delegation.txt`,
    format: 'text',
    heldOut: true,
    sourceUrl: 'https://example.org/held-out/shoigu',
    expected: [
      {
        type: 'delegation',
        status: 'occurred',
        start: '2023-07-25',
        precision: 'day',
        actors: ['Sergei Shoigu:visitor', 'Russian Defence Ministry:speaker'],
        places: ['Pyongyang'],
        themes: ['defense'],
      },
      {
        type: 'talks',
        status: 'occurred',
        start: '2023-07-26',
        precision: 'day',
        actors: ['Kim Jong Un:host', 'Sergei Shoigu:visitor'],
        places: ['Pyongyang'],
        themes: ['defense'],
      },
    ],
  },
  {
    name: 'held out: talks on Friday and a reception on Saturday (HTML)',
    file: `${articles}/held-out-lavrov-wonsan.html`,
    format: 'html',
    heldOut: true,
    sourceUrl: 'https://example.org/held-out/wonsan',
    expected: [
      {
        type: 'talks',
        status: 'occurred',
        start: '2025-07-11',
        precision: 'day',
        actors: ['Sergei Lavrov:visitor', 'Choe Son Hui:host'],
        places: ['Wonsan'],
        themes: ['diplomacy'],
      },
      {
        type: 'talks',
        status: 'occurred',
        start: '2025-07-12',
        precision: 'day',
        actors: ['Kim Jong Un:host', 'Sergei Lavrov:visitor', 'KCNA:speaker'],
        places: ['Wonsan-Kalma, Wonsan'],
        themes: ['diplomacy'],
      },
    ],
  },
  {
    name: 'held out: the first direct flight (Markdown)',
    file: `${articles}/held-out-kozlov-flight.md`,
    format: 'markdown',
    heldOut: true,
    sourceUrl: 'https://example.org/held-out/flight',
    expected: [
      {
        type: 'transport-link',
        status: 'occurred',
        start: '2025-07-27',
        precision: 'day',
        actors: ['Alexander Kozlov:visitor'],
        places: ['Pyongyang'],
        themes: ['trade-energy'],
      },
    ],
  },
  {
    name: 'held out: a treaty ratified by the Duma and signed into law',
    file: `${articles}/held-out-treaty-ratified.txt`,
    format: 'text',
    heldOut: true,
    sourceUrl: 'https://example.org/held-out/treaty',
    expected: [
      {
        type: 'ratification',
        status: 'occurred',
        start: '2024-11-09',
        precision: 'day',
        actors: ['Vladimir Putin:signatory', 'Kremlin:speaker'],
        places: [],
        themes: ['diplomacy'],
      },
      {
        type: 'ratification',
        status: 'occurred',
        start: '2024-10-24',
        precision: 'day',
        actors: ['State Duma:participant'],
        places: [],
        themes: ['diplomacy'],
      },
    ],
  },
];

/** The text of a case's article. */
export function readCase(articleCase: ArticleCase): string {
  return readFileSync(new URL(`../../${articleCase.file}`, import.meta.url), 'utf8');
}
