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
  if (filter.where === '1') {
    // Every record matches: each engagement's lead is its root, so the page is the first roots
    // in the list's order (read along an index, not by grouping every record).
    return `WITH page AS MATERIALIZED (
        SELECT r.id AS eng, row_number() OVER (ORDER BY ${orderBy}) AS position
        FROM records r LEFT JOIN engagements e ON e.record_id = r.id ${join}
        WHERE coalesce(e.engagement_id, r.id) = r.id
        ORDER BY ${orderBy} LIMIT ? OFFSET ?
      ),
      members AS (
        SELECT p.eng, p.position, m.record_id AS id FROM page p
        JOIN engagements m ON m.engagement_id = p.eng
        UNION SELECT eng, position, eng FROM page
      )
      SELECT p.eng AS engagement, r.json FROM members p JOIN records r ON r.id = p.id
      ORDER BY p.position, ${byDate}`;
  }
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
