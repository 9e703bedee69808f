import type { ThemeId } from '@briefing/schema';
import type { ThemeLexicon } from './gazetteer.js';
import { findTerm, foldTerm, foldText } from './normalize.js';

export interface ThemeHit {
  theme: ThemeId;
  term: string;
  sentence: string;
}

/** Themes whose lexicon words occur in the sentences, in order of first occurrence. */
export function detectThemes({
  sentences,
  lexicon,
}: {
  sentences: readonly string[];
  lexicon: ThemeLexicon;
}): ThemeHit[] {
  const hits: (ThemeHit & { at: number })[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    const folded = foldText(sentence);
    for (const [theme, terms] of Object.entries(lexicon) as [ThemeId, string[]][]) {
      if (hits.some((hit) => hit.theme === theme)) continue;
      let first: { term: string; index: number } | undefined;
      for (const term of terms) {
        const [hit] = findTerm(folded, foldTerm(term), sentence);
        if (hit && (first === undefined || hit.start < first.index)) {
          first = { term: sentence.slice(hit.start, hit.end), index: hit.start };
        }
      }
      if (first)
        hits.push({ theme, term: first.term, sentence, at: sentenceIndex * 100_000 + first.index });
    }
  });
  return hits
    .sort((a, b) => a.at - b.at)
    .map(({ theme, term, sentence }) => ({ theme, term, sentence }));
}
