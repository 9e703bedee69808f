import type { BriefingType } from '@briefing/schema';
import type { TriggerEntry } from './gazetteer.js';
import { findTerm, foldTerm, foldText } from './normalize.js';

export interface Trigger {
  type: BriefingType;
  term: string;
  /** Index in the sentence. */
  index: number;
}

// Reporting words say who told of an engagement; they name the engagement only when nothing else does.
const REPORTING: ReadonlySet<BriefingType> = new Set(['announcement', 'statement']);

/** Trigger words of the lexicon in a sentence, the engagement's own words first, in lexicon order. */
export function findTriggers({
  text,
  triggers,
}: {
  text: string;
  triggers: readonly TriggerEntry[];
}): Trigger[] {
  const folded = foldText(text);
  const found: Trigger[] = [];
  triggers.forEach((entry) => {
    for (const term of entry.terms) {
      for (const hit of findTerm(folded, foldTerm(term), text)) {
        if (!found.some((other) => other.index === hit.start)) {
          found.push({ type: entry.type, term: text.slice(hit.start, hit.end), index: hit.start });
        }
      }
    }
  });
  const order = (trigger: Trigger) =>
    (REPORTING.has(trigger.type) ? 100 : 0) +
    triggers.findIndex((entry) => entry.type === trigger.type);
  return found.sort((a, b) => order(a) - order(b) || a.index - b.index);
}

/** Whether a trigger only reports (announced, said) rather than names an engagement. */
export function isReporting(trigger: Trigger): boolean {
  return REPORTING.has(trigger.type);
}
