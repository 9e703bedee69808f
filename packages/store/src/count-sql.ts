// The counts the store gives (facets, totals, the month × theme grid) as SQL, by record or by
// engagement. An engagement counts once in a facet value or a cell when at least one of its
// matching records is there: count(DISTINCT engagement) over the matching records.
import type { CountUnit } from '@briefing/schema';
import type { SqlFilter } from './query-sql.js';

/**
 * The matching records with their engagement (`eng`): a record with no engagement row yet is
 * its own. A CTE over `records r`, named `hits`.
 */
export function hitsCte(filter: SqlFilter, columns = ''): string {
  return `hits AS MATERIALIZED (SELECT r.id${columns}, coalesce(e.engagement_id, r.id) AS eng
    FROM records r LEFT JOIN engagements e ON e.record_id = r.id WHERE ${filter.where})`;
}

/** The totals alone (`total`, `engagements`) of the records matching a filter: one row. */
export function totalsSql(filter: SqlFilter): string {
  if (filter.where === '1') {
    // Every record: the engagements are counted on their index, not by joining every record
    // (80 ms at 100,000 records, on the event loop after each edit). The writer keeps a row
    // for each record served and drops it with the record, in the same update; a record with
    // no row yet would count as its own engagement, as hitsCte counts it.
    return `SELECT (SELECT count(*) FROM records) AS total,
      (SELECT count(DISTINCT engagement_id) FROM engagements)
        + (SELECT count(*) FROM records) - (SELECT count(*) FROM engagements) AS engagements`;
  }
  return `WITH ${hitsCte(filter)} SELECT count(*) AS total, count(DISTINCT eng) AS engagements FROM hits`;
}

/**
 * Every value of the facets that are names (countries, actors, places), as the facets give them
 * (a name in one of its spellings), without counting: rows of (facet, value).
 */
export const FACET_VALUES_SQL = `SELECT 'countries' AS facet, country AS value FROM (
    SELECT country FROM actors UNION SELECT country FROM places)
  UNION ALL SELECT 'actors', min(name) FROM actors GROUP BY name_folded
  UNION ALL SELECT 'places', min(name) FROM places GROUP BY name_folded`;

/**
 * One statement for the totals (`total`, `engagements`) and every facet of the records matching
 * a filter: rows of (facet, value, count).
 */
export function facetsSql({ filter, unit }: { filter: SqlFilter; unit: CountUnit }): string {
  const totals = `SELECT 'total' AS facet, '' AS value, count(*) AS count FROM hits
    UNION ALL SELECT 'engagements', '', count(DISTINCT eng) FROM hits`;
  if (unit === 'engagements') {
    // Each facet's rows joined to the hits, which carry the engagement.
    return `WITH ${hitsCte(filter, ', r.type, r.status')}
      ${totals}
      UNION ALL SELECT 'types', type, count(DISTINCT eng) FROM hits GROUP BY type
      UNION ALL SELECT 'status', status, count(DISTINCT eng) FROM hits GROUP BY status
      UNION ALL SELECT 'themes', t.theme, count(DISTINCT h.eng) FROM themes t
        JOIN hits h ON h.id = t.record_id GROUP BY t.theme
      UNION ALL SELECT 'countries', x.country, count(DISTINCT h.eng) FROM (
        SELECT record_id, country FROM actors UNION ALL SELECT record_id, country FROM places
      ) x JOIN hits h ON h.id = x.record_id GROUP BY x.country
      UNION ALL SELECT 'actors', min(a.name), count(DISTINCT h.eng) FROM actors a
        JOIN hits h ON h.id = a.record_id GROUP BY a.name_folded
      UNION ALL SELECT 'places', min(p.name), count(DISTINCT h.eng) FROM places p
        JOIN hits h ON h.id = p.record_id GROUP BY p.name_folded`;
  }
  // With no filter, every row counts: no need to look the matching ids up.
  const hits = filter.where === '1' ? '1' : 'record_id IN (SELECT id FROM hits)';
  return `WITH ${hitsCte(filter, ', r.type, r.status')}
    ${totals}
    UNION ALL SELECT 'types', type, count(*) FROM hits GROUP BY type
    UNION ALL SELECT 'status', status, count(*) FROM hits GROUP BY status
    UNION ALL SELECT 'themes', theme, count(*) FROM themes WHERE ${hits} GROUP BY theme
    UNION ALL SELECT 'countries', country, count(DISTINCT record_id) FROM (
      SELECT record_id, country FROM actors WHERE ${hits}
      UNION ALL SELECT record_id, country FROM places WHERE ${hits}
    ) GROUP BY country
    UNION ALL SELECT 'actors', min(name), count(DISTINCT record_id) FROM actors
      WHERE ${hits} GROUP BY name_folded
    UNION ALL SELECT 'places', min(name), count(DISTINCT record_id) FROM places
      WHERE ${hits} GROUP BY name_folded`;
}

/** Rows of (month, theme, count, ids: the record ids joined by spaces) for the matching records. */
export function monthThemeSql({ filter, unit }: { filter: SqlFilter; unit: CountUnit }): string {
  const where =
    filter.where === '1'
      ? '1'
      : `m.record_id IN (SELECT r.id FROM records r WHERE ${filter.where})`;
  const count =
    unit === 'engagements' ? 'count(DISTINCT coalesce(e.engagement_id, m.record_id))' : 'count(*)';
  const join = unit === 'engagements' ? 'LEFT JOIN engagements e ON e.record_id = m.record_id' : '';
  return `SELECT m.month, t.theme, ${count} AS count, group_concat(m.record_id, ' ') AS ids
    FROM months m JOIN themes t ON t.record_id = m.record_id ${join}
    WHERE ${where} GROUP BY m.month, t.theme`;
}
