/**
 * Charts are laid out once, at a phone's width, and drawn at whatever width the page gives them:
 * horizontal positions become percentages of the drawn width (a map, which keeps its proportions,
 * also places vertically in % of its height), while text, radii and offsets stay in pixels.
 * Labels placed without overlap at the layout's width keep clear at any wider width, and no text
 * is ever scaled below its size (which a viewBox would do).
 */
export function fluid(layoutSize: number): (position: number) => string {
  return (position) => `${Math.round((position / layoutSize) * 10_000) / 100}%`;
}
