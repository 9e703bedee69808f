import {
  formatDateRange,
  formatIsoDate,
  groupByMonthAndTheme,
  splitUpcoming,
  sortBriefings,
  THEMES,
  todayIso,
  type Briefing,
} from '@briefing/schema';
import { countPlaces } from '../charts/place-counts.js';
import type { TimelineItem } from '../charts/timeline-layout.js';
import { toListItem } from '../list-item.js';
import { memo, type Store } from './store.js';

/** Above this many records the overview timeline shows monthly density instead of one mark each. */
export const TIMELINE_MARK_LIMIT = 400;

export function timelineItem(record: Briefing): TimelineItem {
  return {
    id: record.id,
    title: record.title,
    themes: record.themes,
    date: record.date,
    dateLabel: formatDateRange(record.date),
  };
}

/** What the overview shows; derived once per data set (only `today` changes the upcoming list). */
export function buildOverview({ store, today = todayIso() }: { store: Store; today?: string }) {
  const stable = memo(store, 'overview', () => {
    const { records } = store;
    const first = store.newestFirst[store.newestFirst.length - 1];
    const last = store.newestFirst[0];
    const updated = sortBriefings({ records, by: 'updated', order: 'desc' });
    const announced = records
      .filter((record) => record.announcedOn !== undefined || record.type === 'announcement')
      .sort((a, b) => (b.announcedOn ?? b.date.start).localeCompare(a.announcedOn ?? a.date.start));
    return {
      counts: {
        records: records.length,
        themes: THEMES.filter((theme) => records.some((r) => r.themes.includes(theme.id))).length,
        places: countPlaces({ records }).length,
        sources: records.reduce((sum, record) => sum + record.sources.length, 0),
        countries: store.facets.countries.length,
      },
      span:
        first === undefined || last === undefined
          ? undefined
          : { from: formatDateRange(first.date), to: formatDateRange(last.date) },
      timeline:
        records.length <= TIMELINE_MARK_LIMIT
          ? { kind: 'marks' as const, items: store.newestFirst.map(timelineItem) }
          : { kind: 'density' as const },
      cells: groupByMonthAndTheme({ records }),
      places: countPlaces({ records }),
      latestAnnounced: announced.slice(0, 3).map((record) => ({
        ...toListItem(record),
        announcedOn:
          record.announcedOn === undefined ? undefined : formatIsoDate(record.announcedOn),
      })),
      latestUpdates: updated.slice(0, 5).map((record) => ({
        ...toListItem(record),
        updated: formatIsoDate(record.revision.updated),
        change: record.revision.changes[record.revision.changes.length - 1]?.note ?? '',
      })),
    };
  });
  const upcoming = memo(store, `upcoming ${today}`, () =>
    sortBriefings({ records: splitUpcoming({ records: store.records, today }).upcoming })
      .slice(0, 10)
      .map(toListItem),
  );
  return { ...stable, today: formatIsoDate(today), upcoming };
}
