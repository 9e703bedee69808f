// The one translation of a BriefingQuery into SQL. It selects exactly what filterBriefings
// (packages/schema/src/query.ts) selects, and orders as sortBriefings does; query.property.test.ts
// checks both on random records and queries.
import type { DatabaseSync } from 'node:sqlite';
import {
  foldText,
  queryWords,
  type BriefingQuery,
  type SortKey,
  type SortOrder,
} from '@briefing/schema';

export type SqlValue = string | number | bigint | null;

/** A WHERE condition over `records r`, with its parameters. */
export interface SqlFilter {
  where: string;
  params: SqlValue[];
}

/** The condition (over `records r`) a record must meet to match the query. */
export function filterToSql(query: BriefingQuery): SqlFilter {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  // Within a field any listed value matches; an empty list filters nothing.
  const anyOf = (
    values: readonly string[] | undefined,
    clause: (marks: string) => string,
    times = 1,
  ) => {
    if (values === undefined || values.length === 0) return;
    const unique = [...new Set(values)];
    clauses.push(clause(unique.map(() => '?').join(', ')));
    for (let i = 0; i < times; i += 1) params.push(...unique);
  };
  anyOf(
    query.themes,
    (marks) => `EXISTS (SELECT 1 FROM themes t WHERE t.record_id = r.id AND t.theme IN (${marks}))`,
  );
  anyOf(query.types, (marks) => `r.type IN (${marks})`);
  anyOf(query.status, (marks) => `r.status IN (${marks})`);
  // A record covers [start, effective end]; it matches when that range overlaps [from, to].
  if (query.from !== undefined) {
    clauses.push('r.end_date >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    clauses.push('r.start_date <= ?');
    params.push(query.to);
  }
  anyOf(
    query.countries?.map((code) => code.toUpperCase()),
    (marks) =>
      `(EXISTS (SELECT 1 FROM actors a WHERE a.record_id = r.id AND a.country IN (${marks}))` +
      ` OR EXISTS (SELECT 1 FROM places p WHERE p.record_id = r.id AND p.country IN (${marks})))`,
    2,
  );
  anyOf(
    query.actors?.map(foldText),
    (marks) =>
      `EXISTS (SELECT 1 FROM actors a WHERE a.record_id = r.id AND a.name_folded IN (${marks}))`,
  );
  anyOf(
    query.places?.map(foldText),
    (marks) =>
      `EXISTS (SELECT 1 FROM places p WHERE p.record_id = r.id AND p.name_folded IN (${marks}))`,
  );
  // Every word must be a substring of the same folded text filterBriefings searches, in the
  // sense of JavaScript's includes. For well-formed text, SQLite's instr on UTF-8 agrees with
  // it; a lone surrogate (which UTF-8 cannot hold) needs JavaScript itself: js_includes.
  const words = queryWords(query.text ?? '');
  if (words.length > 0) {
    const tests = words.map((word) => {
      if (word.isWellFormed()) {
        params.push(word, JSON.stringify(word));
        return '(CASE WHEN h.exact IS NULL THEN instr(h.haystack, ?) > 0 ELSE js_includes(h.exact, ?) END)';
      }
      params.push(JSON.stringify(word));
      return 'js_includes(coalesce(h.exact, json_quote(h.haystack)), ?)';
    });
    clauses.push(
      `EXISTS (SELECT 1 FROM haystacks h WHERE h.record_id = r.id AND ${tests.join(' AND ')})`,
    );
  }
  return { where: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}

/** Adds the functions filterToSql's conditions call to a connection. */
export function addQueryFunctions(db: DatabaseSync): void {
  // Both arguments are JSON strings, which carry lone surrogates through SQLite unchanged.
  db.function('js_includes', { deterministic: true }, (text, word) =>
    (JSON.parse(String(text)) as string).includes(JSON.parse(String(word)) as string) ? 1 : 0,
  );
}

/**
 * The order of sortBriefings over `records r`: what to join (the title order lives in its own
 * table) and the ORDER BY. Every order ends on something unique.
 */
export function orderToSql({ by = 'date', order = 'asc' }: { by?: SortKey; order?: SortOrder }): {
  join: string;
  orderBy: string;
} {
  const direction = order === 'desc' ? ' DESC' : '';
  const columns =
    by === 'title'
      ? ['tr.rank']
      : by === 'updated'
        ? ['r.updated', 'r.start_date', 'r.end_date', 'r.id']
        : ['r.start_date', 'r.end_date', 'r.id'];
  return {
    join: by === 'title' ? 'JOIN title_ranks tr ON tr.record_id = r.id' : '',
    orderBy: columns.map((column) => column + direction).join(', '),
  };
}

/** A filter and an order: what a list selects. */
export interface SqlSelection {
  filter: SqlFilter;
  sort: { by?: SortKey; order?: SortOrder };
}

/** The JSON of the records matching a filter, in order. */
export function selectRecords({ filter, sort }: SqlSelection): string {
  const { join, orderBy } = orderToSql(sort);
  return `SELECT r.json FROM records r ${join} WHERE ${filter.where} ORDER BY ${orderBy}`;
}
