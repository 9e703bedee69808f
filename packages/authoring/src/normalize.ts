/** Text folded for matching, with a map from each folded character back to the original. */
export interface FoldedText {
  folded: string;
  /** `offsets[i]` is the index in the original text of folded character `i`. */
  offsets: number[];
}

const DASHES = /[\u2010-\u2015\u2212-]/;
const APOSTROPHES = /[\u2018\u2019\u02bc`´]/;

/**
 * Folds case, diacritics, hyphens and curly apostrophes so that "Kim Jong-un", "Kim Jong Un"
 * and "KIM JONG UN" compare equal; runs of spaces become one space.
 */
export function foldText(text: string): FoldedText {
  const cached = recentTexts.get(text);
  if (cached !== undefined) return cached;
  const result = foldUncached(text);
  // Each sentence is folded by several matchers in a row; keep the last few.
  if (recentTexts.size >= 64) recentTexts.delete(recentTexts.keys().next().value!);
  recentTexts.set(text, result);
  return result;
}

const recentTexts = new Map<string, FoldedText>();

/** Forgets the recently folded sentences, so that a benchmark times each run in full. */
export function forgetFoldedTexts(): void {
  recentTexts.clear();
}

function foldUncached(text: string): FoldedText {
  let folded = '';
  const offsets: number[] = [];
  let index = 0;
  for (const char of text) {
    for (const piece of foldChar(char)) {
      if (piece === ' ' && folded.endsWith(' ')) continue;
      folded += piece;
      offsets.push(index);
    }
    index += char.length;
  }
  return { folded, offsets };
}

const foldedChars = new Map<string, string>();

/** One character folded: lowercase, no diacritics, dashes and white space to a space. */
function foldChar(char: string): string {
  let out = foldedChars.get(char);
  if (out === undefined) {
    out = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (DASHES.test(out)) out = ' ';
    else if (APOSTROPHES.test(out)) out = "'";
    else if (/\s/.test(out)) out = ' ';
    foldedChars.set(char, out);
  }
  return out;
}

/** The folded form of a term, for lookups. */
export function foldTerm(term: string): string {
  let folded = foldedTerms.get(term);
  if (folded === undefined) {
    folded = foldText(term).folded.trim();
    foldedTerms.set(term, folded);
  }
  return folded;
}

// The lexicons fold the same few hundred terms for every sentence.
const foldedTerms = new Map<string, string>();

export interface TermHit {
  /** Index in the original text. */
  start: number;
  end: number;
  term: string;
}

/** Where a folded term occurs in folded text as whole words, mapped back to the original. */
export function findTerm(text: FoldedText, term: string, source: string): TermHit[] {
  const hits: TermHit[] = [];
  if (term === '') return hits;
  let from = 0;
  for (;;) {
    const at = text.folded.indexOf(term, from);
    if (at === -1) break;
    from = at + 1;
    const before = text.folded[at - 1];
    const after = text.folded[at + term.length];
    if (isWordChar(before) || isWordChar(after)) continue;
    const start = text.offsets[at]!;
    const lastOffset = text.offsets[at + term.length - 1]!;
    hits.push({ start, end: lastOffset + charLength(source, lastOffset), term });
  }
  return hits;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

function charLength(source: string, index: number): number {
  const code = source.codePointAt(index) ?? 0;
  return code > 0xffff ? 2 : 1;
}
