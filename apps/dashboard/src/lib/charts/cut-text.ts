// Cutting a label that does not fit, for the charts' names and titles (12 px text).

/**
 * The whole words of `text` that fit in `chars` characters with an ellipsis ("Kim Jong Il…"),
 * or undefined when they would fill less than half of that room. A word cut in two ("Kim Jong Il
 * receiv…") is not a word of the accessible name the label stands for (the full title or name),
 * which is what a voice-control user says to follow it.
 */
export function cutAfterWord(text: string, chars: number): string | undefined {
  if (text.length <= chars) return text;
  // The characters that fit before the ellipsis, and where the last whole word among them ends.
  const shown = text.slice(0, chars - 1);
  const wordEnd = /\s/.test(text[chars - 1]!) ? shown.length : shown.search(/\s\S*$/);
  const words = shown.slice(0, Math.max(0, wordEnd)).replace(/[\s,;:–—-]+$/, '');
  return words.length >= shown.length / 2 ? `${words}…` : undefined;
}
