export interface Sentence {
  text: string;
  /** Position of the sentence in the article, from 0. */
  index: number;
  /** The paragraph it belongs to, from 0. */
  paragraph: number;
}

// ICU's sentence rules end a sentence at "Mr." or "Sept."; these abbreviations never end one here.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'adm',
  'sgt',
  'gov',
  'sen',
  'rep',
  'amb',
  'pres',
  'st',
  'mt',
  'no',
  'vs',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.n',
  'e.g',
  'i.e',
  'etc',
  'approx',
  'dept',
  'inc',
]);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits plain text into sentences, paragraph by paragraph. Paragraphs are separated by blank
 * lines; a text with no blank line has one paragraph a line (hard-wrapped lines are joined
 * only when blank lines mark the paragraphs).
 */
export function splitSentences({ text }: { text: string }): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs = text
    .split(/\n[ \t]*\n/.test(text) ? /\n[ \t]*\n/ : /\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  paragraphs.forEach((paragraph, paragraphIndex) => {
    const pieces: string[] = [];
    for (const { segment } of segmenter.segment(paragraph)) {
      const piece = segment.trim();
      if (piece === '') continue;
      const last = pieces.at(-1);
      if (last !== undefined && (endsWithAbbreviation(last) || /^[\p{Ll}\d(,;]/u.test(piece))) {
        pieces[pieces.length - 1] = `${last} ${piece}`;
      } else {
        pieces.push(piece);
      }
    }
    for (const piece of pieces) {
      sentences.push({ text: piece, index: sentences.length, paragraph: paragraphIndex });
    }
  });
  return sentences;
}

function endsWithAbbreviation(sentence: string): boolean {
  const match = /(?:^|[\s(])([\p{L}.]+)\.$/u.exec(sentence);
  return match !== undefined && match !== null && ABBREVIATIONS.has(match[1]!.toLowerCase());
}
