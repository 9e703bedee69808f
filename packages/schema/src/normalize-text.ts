/** Text folded for matching: lowercase, without diacritics ("Kôrea" → "korea"). */
export function foldText(text: string): string {
  // Most record text is ASCII, where NFD and mark stripping change nothing: skip them.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;
