import type { Briefing } from './briefing.js';
import { effectiveEnd, monthsBetween } from './calendar-date.js';
import { THEMES, type ThemeId } from './vocabulary.js';

export interface MonthThemeCell {
  /** "YYYY-MM" */
  month: string;
  theme: ThemeId;
  count: number;
  ids: string[];
}

const themeOrder = new Map<string, number>(THEMES.map((theme, index) => [theme.id, index]));

/**
 * Counts of records per month and theme, for the month × theme grid; a record spanning
 * several months counts in each. Cells are sorted by month, then theme vocabulary order.
 */
export function groupByMonthAndTheme({
  records,
}: {
  records: readonly Briefing[];
}): MonthThemeCell[] {
  const cells = new Map<string, MonthThemeCell>();
  for (const record of records) {
    const months = monthsBetween({ start: record.date.start, end: effectiveEnd(record.date) });
    for (const month of months) {
      for (const theme of record.themes) {
        const key = `${month} ${theme}`;
        let cell = cells.get(key);
        if (cell === undefined) {
          cell = { month, theme, count: 0, ids: [] };
          cells.set(key, cell);
        }
        cell.count += 1;
        cell.ids.push(record.id);
      }
    }
  }
  return [...cells.values()]
    .map((cell) => ({ ...cell, ids: cell.ids.sort() }))
    .sort(
      (a, b) =>
        (a.month < b.month ? -1 : a.month > b.month ? 1 : 0) ||
        (themeOrder.get(a.theme) ?? 0) - (themeOrder.get(b.theme) ?? 0),
    );
}
