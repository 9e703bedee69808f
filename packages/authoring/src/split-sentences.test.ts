import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences.js';

describe('splitSentences', () => {
  it('keeps abbreviations and quotations inside their sentence', () => {
    const text =
      'Adm. Nikolai Evmenov met Mr. Kim on Sept. 16 in Vladivostok. "We are ready!" he said. Then he left.';
    expect(splitSentences({ text }).map((sentence) => sentence.text)).toEqual([
      'Adm. Nikolai Evmenov met Mr. Kim on Sept. 16 in Vladivostok.',
      '"We are ready!" he said.',
      'Then he left.',
    ]);
  });

  it('numbers paragraphs separated by blank lines and joins hard-wrapped lines', () => {
    const text = 'Lavrov arrived in Pyongyang\non Wednesday. He met Choe.\n\nKim received him.';
    expect(splitSentences({ text })).toEqual([
      { text: 'Lavrov arrived in Pyongyang on Wednesday.', index: 0, paragraph: 0 },
      { text: 'He met Choe.', index: 1, paragraph: 0 },
      { text: 'Kim received him.', index: 2, paragraph: 1 },
    ]);
  });

  it('takes each line as a paragraph when no blank line separates them', () => {
    const text = 'First paragraph here.\nSecond one here.';
    expect(splitSentences({ text }).map((sentence) => sentence.paragraph)).toEqual([0, 1]);
  });
});
