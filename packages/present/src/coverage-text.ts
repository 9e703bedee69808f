import { formatIsoDate, type Coverage } from '@briefing/schema';

/** "Covers 9 Feb 2000 – 27 Dec 2025; last updated 4 Dec 2026." for feeds, pages and exports. */
export function coverageSentence(coverage: Coverage | undefined): string {
  if (coverage === undefined) return 'No records yet.';
  return `Covers ${formatIsoDate(coverage.from)} – ${formatIsoDate(coverage.to)}; last updated ${formatIsoDate(coverage.updated)}.`;
}

/** The export's file name, saying what it covers: briefings-2000-02-09-to-2025-12-27-updated-2026-12-04.csv. */
export function exportFileName({
  coverage,
  extension,
}: {
  coverage: Coverage | undefined;
  extension: string;
}): string {
  if (coverage === undefined) return `briefings-empty.${extension}`;
  return `briefings-${coverage.from}-to-${coverage.to}-updated-${coverage.updated}.${extension}`;
}
