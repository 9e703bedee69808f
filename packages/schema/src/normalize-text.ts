/** Text folded for matching: lowercase, without diacritics ("Kôrea" → "korea"). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
