import { groupByMonthAndTheme, groupEngagements, type ThemeId } from '@briefing/schema';
import { periodCounts } from '../charts/period-counts.js';
import { cellsCounting, timelineItems, TIMELINE_MARK_LIMIT } from './overview.js';
import { memo, snapshotEngagements, type RecordPart, type Snapshot } from './snapshot.js';

/**
 * The parts of a theme's page, each derived once per snapshot, for the page to make each in a
 * turn of its own (at 100,000 records they took 170–280 ms together). Engagements, as on the
 * overview and the list: a trip with its legs is one mark and one row.
 */
export function themeParts({
  snapshot,
  id,
  markLimit = TIMELINE_MARK_LIMIT,
}: {
  snapshot: Snapshot;
  id: ThemeId;
  /** Up to this many records the timeline marks each; above, it counts them by month. */
  markLimit?: number;
}) {
  const part = <T>(name: string, make: () => T, reads?: readonly RecordPart[]) =>
    memo(snapshot, `theme ${id} ${name}`, make, reads);
  const ids = () => snapshotEngagements(snapshot);
  const records = () =>
    part('records', () => snapshot.newestFirst.filter((record) => record.themes.includes(id)));
  // The theme's engagements, newest first, as ids: kept through edits of titles and texts.
  const groups = () =>
    part(
      'groups',
      () =>
        groupEngagements({ records: records(), ids: ids() })
          .reverse()
          .map(({ id, lead, members }) => ({
            id,
            lead: lead.id,
            members: members.map((member) => member.id),
          })),
      ['themes', 'links', 'dates'],
    );
  const record = (id: string) => snapshot.byId.get(id)!;
  return {
    groups,
    /** The first `count` engagements, each with its records as they are now. */
    rows: (count: number) =>
      groups()
        .slice(0, count)
        .map(({ id, lead, members }) => ({ id, lead: record(lead), members: members.map(record) })),
    // Marks show the records' titles; counts by month do not, and are kept through such edits.
    timeline: () =>
      records().length <= markLimit
        ? part('marks', () => ({
            kind: 'marks' as const,
            items: timelineItems({ records: records(), count: 'engagements', ids: ids() }),
          }))
        : part(
            'density',
            () => ({
              kind: 'density' as const,
              periods: periodCounts(
                cellsCounting({
                  cells: groupByMonthAndTheme({
                    records: records(),
                    count: 'engagements',
                    ids: ids(),
                  }),
                  count: 'engagements',
                  ids: ids(),
                }).filter((cell) => cell.theme === id),
              ),
            }),
            ['dates', 'themes', 'links'],
          ),
  };
}
