import type { ThemeId } from '@briefing/schema';

/** Records of one theme in one month, as the schema's groupByMonthAndTheme gives them. */
export interface MonthCount {
  month: string;
  theme: ThemeId;
  count: number;
  /** The records counted, so that months can be merged into years without counting twice. */
  ids: readonly string[];
}

/** Records of one theme in a period ("YYYY-MM" or "YYYY"). */
export interface Counted {
  period: string;
  theme: ThemeId;
  count: number;
}

/**
 * What a chart of counts by period draws: each theme's count by month and by year, without the
 * records counted (a page's data would carry every id of 100,000 records, megabytes to
 * serialize for each data version).
 */
export interface PeriodCounts {
  /** Periods "YYYY-MM". */
  months: Counted[];
  /** Periods "YYYY": a record counted once per year and theme. */
  years: Counted[];
}

/** The counts by month and by year of month cells. */
export function periodCounts(cells: readonly MonthCount[]): PeriodCounts {
  return {
    months: cells.map(({ month, theme, count }) => ({ period: month, theme, count })),
    years: countByYear(cells),
  };
}

/** Month cells merged into years: a record is counted once per year and theme. */
export function countByYear(cells: readonly MonthCount[]): Counted[] {
  const byKey = new Map<string, { period: string; theme: ThemeId; ids: Set<string> }>();
  for (const cell of cells) {
    const period = cell.month.slice(0, 4);
    const key = `${period} ${cell.theme}`;
    let entry = byKey.get(key);
    if (entry === undefined)
      byKey.set(key, (entry = { period, theme: cell.theme, ids: new Set() }));
    for (const id of cell.ids) entry.ids.add(id);
  }
  return [...byKey.values()].map(({ period, theme, ids }) => ({ period, theme, count: ids.size }));
}

/**
 * The table of records per year and theme beside the timeline: the same distinct-record counts
 * as the yearly chart (a record from 30 Sep to 2 Oct counts once in its year), by year ascending.
 */
export function yearTable(counts: PeriodCounts): [string, Map<ThemeId, number>][] {
  const byYear = new Map<string, Map<ThemeId, number>>();
  for (const { period, theme, count } of counts.years) {
    const row = byYear.get(period) ?? new Map<ThemeId, number>();
    row.set(theme, count);
    byYear.set(period, row);
  }
  return [...byYear.entries()].sort(([a], [b]) => a.localeCompare(b));
}
