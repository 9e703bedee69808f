// Precision and recall of each extracted field over the test articles, and the time per article.
// Run: pnpm bench (from packages/authoring).
import { performance } from 'node:perf_hooks';
import type { Briefing } from '@briefing/schema';
import {
  ARTICLE_CASES,
  HELD_OUT_CASES,
  readCase,
  type ArticleCase,
  type ExpectedDraft,
} from '../src/__fixtures__/articles.js';
import { ExtractError, extractDrafts } from '../src/index.js';
import { forgetFoldedTexts } from '../src/normalize.js';

const RUNS = 30;
const FIELDS = [
  'type',
  'status',
  'date.start',
  'date.end',
  'date.precision',
  'actors',
  'places',
  'themes',
] as const;
type Field = (typeof FIELDS)[number];

/** A field's values, as a set so that scalar and list fields are counted alike. */
function values(field: Field, draft: Briefing | ExpectedDraft): string[] {
  const isExpected = !('date' in draft);
  const date = isExpected
    ? { start: draft.start, end: draft.end, precision: draft.precision }
    : (draft as Briefing).date;
  switch (field) {
    case 'type':
      return [draft.type];
    case 'status':
      return [draft.status];
    case 'date.start':
      return [date.start];
    case 'date.end':
      return [date.end ?? '(none)'];
    case 'date.precision':
      return [date.precision];
    case 'actors':
      return isExpected
        ? (draft as ExpectedDraft).actors
        : (draft as Briefing).actors.map((actor) => `${actor.name}:${actor.role}`);
    case 'places':
      return isExpected
        ? (draft as ExpectedDraft).places
        : (draft as Briefing).places.map((place) => place.name);
    case 'themes':
      return [...draft.themes];
  }
}

function agreement(draft: Briefing, expected: ExpectedDraft): number {
  return FIELDS.reduce(
    (sum, field) =>
      sum + values(field, draft).filter((value) => values(field, expected).includes(value)).length,
    0,
  );
}

function run(articleCase: ArticleCase) {
  return extractDrafts({
    text: readCase(articleCase),
    format: articleCase.format,
    today: '2026-11-27',
    ...(articleCase.referenceDate && { referenceDate: articleCase.referenceDate }),
    ...(articleCase.sourceUrl && { sourceUrl: articleCase.sourceUrl }),
    ...(articleCase.documentPath && { documentPath: articleCase.documentPath }),
  });
}

interface Tally {
  counts: Map<Field, { correct: number; predicted: number; gold: number }>;
  draftsExpected: number;
  draftsExtracted: number;
  draftsMatched: number;
  failuresRight: number;
  failuresExpected: number;
}

const timings: { name: string; median: number }[] = [];

/** Runs each article RUNS times, timing it, and scores its drafts against the expected ones. */
function score(cases: ArticleCase[]): Tally {
  const tally: Tally = {
    counts: new Map(FIELDS.map((field) => [field, { correct: 0, predicted: 0, gold: 0 }])),
    draftsExpected: 0,
    draftsExtracted: 0,
    draftsMatched: 0,
    failuresRight: 0,
    failuresExpected: 0,
  };
  for (const articleCase of cases) {
    const times: number[] = [];
    let drafts: Briefing[] = [];
    let failure: string | undefined;
    for (let i = 0; i < RUNS + 3; i += 1) {
      forgetFoldedTexts();
      const started = performance.now();
      try {
        drafts = run(articleCase).drafts;
      } catch (error) {
        if (!(error instanceof ExtractError)) throw error;
        failure = error.reason;
      }
      if (i >= 3) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    timings.push({ name: articleCase.name, median: times[Math.floor(times.length / 2)]! });

    const { expected } = articleCase;
    tally.draftsExtracted += drafts.length;
    if (!Array.isArray(expected)) {
      tally.failuresExpected += 1;
      if (failure === expected.failure) tally.failuresRight += 1;
      continue;
    }
    tally.draftsExpected += expected.length;
    const unmatched = [...drafts];
    for (const want of expected) {
      const best = unmatched
        .map((draft) => ({ draft, score: agreement(draft, want) }))
        .sort((a, b) => b.score - a.score)[0];
      if (best !== undefined && best.score > 0) {
        unmatched.splice(unmatched.indexOf(best.draft), 1);
        tally.draftsMatched += 1;
      }
      for (const field of FIELDS) {
        const got = best !== undefined && best.score > 0 ? values(field, best.draft) : [];
        const gold = values(field, want);
        const count = tally.counts.get(field)!;
        count.correct += got.filter((value) => gold.includes(value)).length;
        count.predicted += got.length;
        count.gold += gold.length;
      }
    }
    for (const extra of unmatched) {
      for (const field of FIELDS) tally.counts.get(field)!.predicted += values(field, extra).length;
    }
  }
  return tally;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '   n/a' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;

function total(tally: Tally) {
  return [...tally.counts.values()].reduce(
    (sum, count) => ({
      correct: sum.correct + count.correct,
      predicted: sum.predicted + count.predicted,
      gold: sum.gold + count.gold,
    }),
    { correct: 0, predicted: 0, gold: 0 },
  );
}

const subsets = [
  { label: 'tuned set', cases: ARTICLE_CASES, tally: score(ARTICLE_CASES) },
  { label: 'held out', cases: HELD_OUT_CASES, tally: score(HELD_OUT_CASES) },
];

for (const { label, cases, tally } of subsets) {
  console.log(
    `${label}: ${cases.length} articles, ${tally.draftsExpected} expected drafts, ${tally.draftsExtracted} extracted, ${tally.draftsMatched} matched; ${tally.failuresRight}/${tally.failuresExpected} articles that must give no draft refused for the right reason`,
  );
}
console.log('');
console.log(
  `${'field'.padEnd(16)} ${subsets.map(({ label }) => `${label.padEnd(9)} P / R`.padEnd(22)).join('')}`,
);
for (const field of [...FIELDS, 'overall' as const]) {
  const cells = subsets.map(({ tally }) => {
    const count = field === 'overall' ? total(tally) : tally.counts.get(field)!;
    return `${percent(count.correct, count.predicted)} / ${percent(count.correct, count.gold)}`.padEnd(
      22,
    );
  });
  console.log(`${field.padEnd(16)} ${cells.join('')}`);
}
console.log('');
console.log(`time per article, median of ${RUNS} runs:`);
for (const { name, median } of timings)
  console.log(`  ${median.toFixed(2).padStart(7)} ms  ${name}`);
const medians = timings.map((timing) => timing.median).sort((a, b) => a - b);
console.log(
  `  ${medians[Math.floor(medians.length / 2)]!.toFixed(2).padStart(7)} ms  median over the articles`,
);
