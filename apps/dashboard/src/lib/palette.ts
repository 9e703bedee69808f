import type { ThemeId } from '@briefing/schema';

/**
 * One colour per theme from the Okabe–Ito palette (Okabe & Ito 2008), chosen because its seven
 * colours stay distinguishable under protanopia, deuteranopia and tritanopia. Marks also carry
 * a 1 px outline so the light colours (yellow, sky blue) hold 3:1 against a white page.
 */
export const THEME_COLOURS: Readonly<Record<ThemeId, string>> = {
  diplomacy: '#0072B2',
  defense: '#D55E00',
  space: '#CC79A7',
  'science-technology': '#009E73',
  'trade-energy': '#E69F00',
  'culture-education': '#56B4E9',
  'regional-security': '#F0E442',
};

/** The colour of a theme, for SVG `fill`/`stroke` attributes (no inline styles under the CSP). */
export function themeColour(theme: ThemeId): string {
  return THEME_COLOURS[theme];
}
