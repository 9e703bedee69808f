import {
  asOfDate,
  effectiveEnd,
  formatDateRange,
  formatIsoDate,
  groupEngagements,
  type CountUnit,
  type MonthThemeCell,
  splitUpcoming,
  sortBriefings,
  THEMES,
  todayIso,
  type Briefing,
} from '@briefing/schema';
import { periodCounts, type PeriodCounts } from '../charts/period-counts.js';
import { countPlaces } from '../charts/place-counts.js';
import { countLocalities } from '../charts/place-localities.js';
import type { TimelineItem } from '../charts/timeline-layout.js';
import { toListItem } from '../list-item.js';
import { DEFAULT_COUNT } from '@briefing/present/urls';
import type { Store } from '@briefing/store';
import { inOwnTurn } from './own-turn.js';
import {
  memo,
  prepareEngagements,
  snapshotCoverage,
  snapshotEngagements,
  type RecordPart,
  type Snapshot,
} from './snapshot.js';

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

/**
 * Timeline marks of some records (newest first): one per record, or one per engagement, led by
 * its root (else its first record), with the other records of the engagement as its legs.
 */
export function timelineItems({
  records,
  count,
  ids,
}: {
  records: readonly Briefing[];
  count: CountUnit;
  ids: ReadonlyMap<string, string>;
}): TimelineItem[] {
  if (count === 'records') return records.map(timelineItem);
  return groupEngagements({ records, ids })
    .map(({ lead, members }) => {
      const legs = members.filter((member) => member.id !== lead.id);
      const item = timelineItem(lead);
      return legs.length === 0
        ? item
        : {
            ...item,
            legs: legs.map((leg) => ({ title: leg.title, dateLabel: formatDateRange(leg.date) })),
          };
    })
    .reverse();
}

/** The index's month-by-theme cells, what they count, and each record's engagement. */
interface CountedCells {
  cells: readonly MonthThemeCell[];
  count: CountUnit;
  ids: ReadonlyMap<string, string>;
}

// The periods of the cells the index last gave, while they and the snapshot's engagements are
// the same objects: most edits change neither (the index keeps its cells until a record's months
// or themes change, a snapshot its engagements until a link does), and counting them again took
// 190 ms at 100,000 records.
const periodsKept = new WeakMap<
  readonly MonthThemeCell[],
  { count: CountUnit; ids: ReadonlyMap<string, string>; periods: PeriodCounts }
>();

/** The heatmap's counts by month and year of the index's cells, counting `count`. */
export function overviewPeriods({ cells, count, ids }: CountedCells): PeriodCounts {
  const kept = periodsKept.get(cells);
  if (kept?.count === count && kept.ids === ids) return kept.periods;
  const periods = periodCounts(cellsCounting({ cells, count, ids }));
  periodsKept.set(cells, { count, ids, periods });
  return periods;
}

/**
 * Cells whose `ids` name what they count: counting engagements, the engagements of their
 * records, so that months merged into years count each engagement once (see countByYear).
 */
export function cellsCounting({ cells, count, ids }: CountedCells): MonthThemeCell[] {
  if (count === 'records') return [...cells];
  return cells.map((cell) => ({
    ...cell,
    ids: [...new Set(cell.ids.map((id) => ids.get(id) ?? id))].sort(),
  }));
}

/**
 * The overview's counts that the index answers: the heatmap's cells and the totals, counting
 * engagements or records, from one data version.
 */
export function overviewCounts({ index, count }: { index: Store; count: CountUnit }) {
  return index.read(() => {
    // Only the totals: the facets (every actor, place and country counted) are not shown here.
    const all = index.list({ pageSize: 1, facets: false });
    return {
      cells: index.monthThemeCounts({ count }),
      records: all.total,
      engagements: all.engagementTotal,
    };
  });
}

/**
 * "25 Jul 2023" to "31 Oct 2025": the earliest start and the latest end of the records, each to
 * its record's precision (not the whole date range of the first and last records).
 */
export function dataSpan(records: readonly Briefing[]): { from: string; to: string } | undefined {
  if (records.length === 0) return undefined;
  // One pass, each record's end worked out once (twice per record, it took 90 ms at 100,000).
  let first = records[0]!;
  let last = records[0]!;
  let lastEnd = effectiveEnd(last.date);
  for (const record of records) {
    if (record.date.start < first.date.start) first = record;
    const end = effectiveEnd(record.date);
    if (end > lastEnd) {
      last = record;
      lastEnd = end;
    }
  }
  return {
    from: formatDateRange({ start: first.date.start, precision: first.date.precision }),
    to: formatDateRange({ start: lastEnd, precision: last.date.precision }),
  };
}

/**
 * The `count` records updated last, in the order of sortBriefings by update (descending),
 * without sorting every record (160 ms at 100,000 records): only those updated on or after the
 * count-th latest update day can be among them.
 */
export function lastUpdated({
  records,
  count,
}: {
  records: readonly Briefing[];
  count: number;
}): Briefing[] {
  const latest: string[] = [];
  for (const { revision } of records) {
    if (latest.length === count && revision.updated <= latest[count - 1]!) continue;
    latest.push(revision.updated);
    latest.sort().reverse();
    latest.length = Math.min(latest.length, count);
  }
  const floor = latest.at(-1) ?? '';
  return sortBriefings({
    records: records.filter((record) => record.revision.updated >= floor),
    by: 'updated',
    order: 'desc',
  }).slice(0, count);
}

/**
 * The parts of the overview, each derived once per snapshot (and unit counted): see
 * prepareOverview.
 */
function overviewParts({ snapshot, count }: { snapshot: Snapshot; count: CountUnit }) {
  const { records } = snapshot;
  const part =
    <T>(name: string, compute: () => T, reads?: readonly RecordPart[]) =>
    (): T =>
      memo(snapshot, `overview ${count} ${name}`, compute, reads);
  // The places and localities, counted by engagement, read the records' links too.
  const placeParts: readonly RecordPart[] =
    count === 'engagements' ? ['places', 'links'] : ['places'];
  const places = part(
    'places',
    () =>
      countPlaces({
        records,
        ...(count === 'engagements' ? { engagementOf: snapshotEngagements(snapshot) } : {}),
      }),
    placeParts,
  );
  return {
    engagements: () => snapshotEngagements(snapshot),
    coverage: () => snapshotCoverage(snapshot),
    places,
    localities: part(
      'localities',
      () => countLocalities({ records, places: places() }),
      placeParts,
    ),
    counts: part('counts', () => ({
      records: records.length,
      themes: THEMES.filter((theme) => records.some((r) => r.themes.includes(theme.id))).length,
      places: places().length,
      sources: records.reduce((sum, record) => sum + record.sources.length, 0),
      countries: snapshot.facets.countries.length,
    })),
    span: part('span', () => dataSpan(records), ['dates']),
    timeline: part('timeline', () =>
      records.length <= TIMELINE_MARK_LIMIT
        ? {
            kind: 'marks' as const,
            items: timelineItems({
              records: snapshot.newestFirst,
              count,
              ids: snapshotEngagements(snapshot),
            }),
          }
        : { kind: 'density' as const },
    ),
    latestAnnounced: part('announced', () => {
      // An announcement record and the engagement it announces (which carries announcedOn) are
      // one announcement: the engagement stands for both.
      const announcesDated = (record: Briefing) =>
        (record.related ?? []).some(
          (link) =>
            link.relation === 'announces' && snapshot.byId.get(link.id)?.announcedOn !== undefined,
        );
      return records
        .filter(
          (record) =>
            record.announcedOn !== undefined ||
            (record.type === 'announcement' && !announcesDated(record)),
        )
        .sort((a, b) =>
          (b.announcedOn ?? b.date.start).localeCompare(a.announcedOn ?? a.date.start),
        )
        .slice(0, 3)
        .map((record) => ({
          ...toListItem(record),
          announcedOn:
            record.announcedOn === undefined ? undefined : formatIsoDate(record.announcedOn),
        }));
    }),
    latestUpdates: part('updates', () =>
      lastUpdated({ records, count: 5 }).map((record) => ({
        ...toListItem(record),
        // A record whose only change is its creation is new, not updated.
        action: record.revision.changes.length > 1 ? 'Updated' : 'Added',
        updated: formatIsoDate(record.revision.updated),
        change: record.revision.changes[record.revision.changes.length - 1]?.note ?? '',
      })),
    ),
  };
}

/**
 * Makes the overview's parts of a snapshot each in a turn of the event loop of its own (see
 * own-turn.ts), so that buildOverview then only assembles them: in one go, after an edit, they
 * took 60 ms at 10,000 records.
 */
export async function prepareOverview({
  snapshot,
  count = DEFAULT_COUNT,
}: {
  snapshot: Snapshot;
  count?: CountUnit;
}): Promise<void> {
  await prepareEngagements(snapshot);
  const parts: (() => unknown)[] = Object.values(overviewParts({ snapshot, count }));
  for (const make of parts) await inOwnTurn(make);
}

/** What the overview shows; derived once per data set (only `today` changes the upcoming list). */
export function buildOverview({
  snapshot,
  count = DEFAULT_COUNT,
  today = todayIso(),
}: {
  snapshot: Snapshot;
  count?: CountUnit;
  today?: string;
}) {
  const parts = overviewParts({ snapshot, count });
  const stable = memo(snapshot, `overview ${count}`, () => ({
    counts: parts.counts(),
    span: parts.span(),
    coverage: parts.coverage(),
    timeline: parts.timeline(),
    places: parts.places(),
    localities: parts.localities(),
    latestAnnounced: parts.latestAnnounced(),
    latestUpdates: parts.latestUpdates(),
  }));
  // Data over a month old speaks as of its last update, not as of today (see asOfDate).
  const asOf = asOfDate({ coverage: stable.coverage, today });
  // Which records come next follows their dates and status alone (kept through other edits:
  // 60–110 ms at 100,000 records); their items show their titles, so are made each time.
  const upcoming = memo(
    snapshot,
    `upcoming ${asOf.date}`,
    () =>
      sortBriefings({
        records: splitUpcoming({ records: snapshot.records, today: asOf.date }).upcoming,
      })
        .slice(0, 10)
        .map((record) => record.id),
    ['dates', 'status'],
  ).map((id) => toListItem(snapshot.byId.get(id)!));
  return {
    ...stable,
    updated: stable.coverage === undefined ? undefined : formatIsoDate(stable.coverage.updated),
    asOf: { date: formatIsoDate(asOf.date), stale: asOf.stale },
    upcoming,
  };
}
