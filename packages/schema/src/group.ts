import type { Briefing } from './briefing.js';
import { effectiveEnd, monthsBetween } from './calendar-date.js';
import { engagementIds } from './engagement.js';
import { THEMES, type ThemeId } from './vocabulary.js';

/** What a count counts: records, or engagements (a trip and its legs once; see engagement.ts). */
export type CountUnit = 'records' | 'engagements';

export interface MonthThemeCell {
  /** "YYYY-MM" */
  month: string;
  theme: ThemeId;
  /** Records, or distinct engagements with a record there (see `count`). */
  count: number;
  /** The records in the cell, by id. */
  ids: string[];
}

const themeOrder = new Map<string, number>(THEMES.map((theme, index) => [theme.id, index]));

/**
 * Counts of records per month and theme, for the month × theme grid; a record spanning
 * several months counts in each. Cells are sorted by month, then theme vocabulary order.
 * With `count: 'engagements'` a cell counts the distinct engagements of its records; `ids`
 * (engagementIds over every record) places records whose root is not among `records`.
 */
export function groupByMonthAndTheme({
  records,
  count = 'records',
  ids,
}: {
  records: readonly Briefing[];
  count?: CountUnit;
  ids?: ReadonlyMap<string, string>;
}): MonthThemeCell[] {
  const engagementOf = count === 'engagements' ? (ids ?? engagementIds({ records })) : undefined;
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
    .map((cell) => ({
      ...cell,
      ids: cell.ids.sort(),
      ...(engagementOf === undefined
        ? {}
        : { count: new Set(cell.ids.map((id) => engagementOf.get(id) ?? id)).size }),
    }))
    .sort(
      (a, b) =>
        (a.month < b.month ? -1 : a.month > b.month ? 1 : 0) ||
        (themeOrder.get(a.theme) ?? 0) - (themeOrder.get(b.theme) ?? 0),
    );
}
