// The list by engagement as one statement: the engagements with a matching record, ordered by
// their lead (the root if it matches, else the first matching record by date, as
// packages/schema's groupEngagements leads a group), paged, with every matching record of each.
import { hitsCte } from './count-sql.js';
import { orderToSql, type SqlSelection } from './query-sql.js';

/**
 * Rows of (engagement, json) for one page of engagements (parameters: the filter's, then
 * LIMIT and OFFSET in engagements), in page order, each engagement's records by date.
 */
export function selectEngagementRows({ filter, sort }: SqlSelection): string {
  const { join, orderBy } = orderToSql(sort);
  const byDate = orderToSql({}).orderBy;
  return `WITH ${hitsCte(filter, ', r.start_date, r.end_date')},
    leads AS MATERIALIZED (
      SELECT id, eng FROM (
        SELECT id, eng, row_number() OVER (
          PARTITION BY eng ORDER BY id = eng DESC, start_date, end_date, id
        ) AS n FROM hits
      ) WHERE n = 1
    ),
    page AS MATERIALIZED (
      SELECT l.eng, row_number() OVER (ORDER BY ${orderBy}) AS position
      FROM leads l JOIN records r ON r.id = l.id ${join}
      ORDER BY ${orderBy} LIMIT ? OFFSET ?
    )
    SELECT p.eng AS engagement, r.json FROM page p
    JOIN hits h ON h.eng = p.eng JOIN records r ON r.id = h.id
    ORDER BY p.position, ${byDate}`;
}
