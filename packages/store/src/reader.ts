// Every query the store answers, on a connection that only reads. Each public method runs in
// one read transaction, so all its statements see the same committed update.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
  THEMES,
  type Briefing,
  type BriefingQuery,
  type CountUnit,
  type EngagementGroup,
  type MonthThemeCell,
  type RelationKind,
  type SortKey,
  type SortOrder,
  type ThemeId,
} from '@briefing/schema';
import { FACET_VALUES_SQL, facetsSql, monthThemeSql, totalsSql } from './count-sql.js';
import { selectEngagementRows } from './engagement-sql.js';
import {
  filterToSql,
  orderToSql,
  selectRecords,
  type SqlFilter,
  type SqlValue,
} from './query-sql.js';
import type { SpellingIndex } from './spellings.js';
import { readKeptAnswer } from './kept-answers.js';

/** How to order records: as sortBriefings does. */
export interface Sort {
  by?: SortKey;
  order?: SortOrder;
}

/** A value of a facet and how many of the matching records (or engagements) have it. */
export interface FacetCount {
  /** The theme, type, status or country code; for actors and places, the name. */
  readonly value: string;
  readonly count: number;
}

/**
 * Counts over the records that match a query, most frequent first (ties by value). Counting
 * engagements, a value counts the engagements with at least one matching record that has it.
 */
export interface Facets {
  readonly themes: readonly FacetCount[];
  readonly types: readonly FacetCount[];
  readonly status: readonly FacetCount[];
  /** Each record counts once per country among its actors and places. */
  readonly countries: readonly FacetCount[];
  /** By name, any case or accents (the value is one of the spellings used). */
  readonly actors: readonly FacetCount[];
  readonly places: readonly FacetCount[];
}

export interface ListOptions {
  query?: BriefingQuery;
  /**
   * Search words as `search` takes them (prefixes, any case or accents, names in any known
   * spelling): only records they find are listed, in the list's own order.
   */
  search?: string;
  sort?: Sort;
  /** 1-based page number (default 1). */
  page?: number;
  /** Rows per page (default 50). */
  pageSize?: number;
  /** Whether to count the facets (default true); without, `facets` holds no values. */
  facets?: boolean;
  /** What the facets count: matching records (default), or engagements. */
  count?: CountUnit;
  /**
   * One row per matching record (default), or per engagement with a matching record: then the
   * pages go by engagement, and `engagements` holds each row's matching records.
   */
  rows?: CountUnit;
}

export interface ListResult {
  /** The data version these answers come from. */
  dataVersion: number;
  /** How many records match. */
  total: number;
  /** How many engagements have a matching record. */
  engagementTotal: number;
  page: number;
  pageSize: number;
  /**
   * The records of this page; by engagement, each row's lead: its root if it matches, else its
   * first matching record by date.
   */
  records: Briefing[];
  /** By engagement only: each row's engagement, with its matching records by date. */
  engagements?: EngagementGroup<Briefing>[];
  facets: Facets;
}

/** An engagement: its root record and every record in it (the root too), by date. */
export interface Engagement {
  id: string;
  root: Briefing;
  members: Briefing[];
}

export interface SearchOptions {
  /** What the user typed: words (each a prefix), names in any spelling or script. */
  text: string;
  /** Filters the hits must also pass (filterBriefings semantics). */
  query?: BriefingQuery;
  page?: number;
  pageSize?: number;
}

export interface SearchHit {
  record: Briefing;
  /** Relevance (bm25; higher is better). */
  score: number;
}

export interface SearchResult {
  dataVersion: number;
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}

export interface RelatedLinks {
  /** The records this one names in `related`, in its order (`record` absent if no such record). */
  outgoing: { id: string; relation: RelationKind; record?: Briefing }[];
  /** The records that name this one in their `related`, by date. */
  incoming: { id: string; relation: RelationKind; record: Briefing }[];
}

/** A stored problem; its file is the name in the data folder. */
export interface ProblemRow {
  file: string;
  kind: string;
  line: number | null;
  record_id: string | null;
  path: string;
  message: string;
}

/** Facets with no values (a list asked without them). */
const NO_FACETS: Facets = Object.freeze({
  themes: [],
  types: [],
  status: [],
  countries: [],
  actors: [],
  places: [],
});

/** Every value of the facets that are names: countries (codes), actors and places, sorted. */
export interface FacetValues {
  readonly countries: readonly string[];
  readonly actors: readonly string[];
  readonly places: readonly string[];
}

const FACET_NAMES = ['themes', 'types', 'status', 'countries', 'actors', 'places'] as const;
/** Answers kept per data version (facets and overview counts for as many queries). */
const CACHE_SIZE = 128;
const themeOrder = new Map<string, number>(THEMES.map((theme, index) => [theme.id, index]));

export class IndexReader {
  readonly #statements = new Map<string, StatementSync>();
  #depth = 0;
  /** The data version of the snapshot being read, once asked for. */
  #snapshotVersion: number | undefined;
  readonly #cache = new Map<string, unknown>();
  #cacheVersion = -1;
  /** Answers kept across data versions, each with the version of the meta key it follows. */
  readonly #keptAnswers = new Map<string, { version: string; value: unknown }>();

  constructor(
    readonly db: DatabaseSync,
    readonly spellings: SpellingIndex,
    /** Keeps an answer of the whole list in the index, for the next process (kept-answers.ts). */
    readonly keep: (answer: {
      key: string;
      dataVersion: number;
      value: unknown;
    }) => void = () => {},
  ) {}

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `read` in one read transaction: everything it reads comes from one data version. */
  snapshot<T>(read: () => T): T {
    if (this.#depth > 0) return read();
    this.db.exec('BEGIN');
    this.#depth += 1;
    try {
      return read();
    } finally {
      this.#depth -= 1;
      this.#snapshotVersion = undefined;
      this.db.exec('COMMIT');
    }
  }

  dataVersion(): number {
    // A snapshot's version cannot move: asked once, not for each of the thousands of documents
    // a build checks it before keeping (4 µs a time at 10,000 records).
    if (this.#depth === 0) return Number(this.#meta('data_version'));
    this.#snapshotVersion ??= Number(this.#meta('data_version'));
    return this.#snapshotVersion;
  }

  changedAt(): string {
    return this.#meta('changed_at');
  }

  #meta(key: string): string {
    const row = this.#prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value ?? '';
  }

  count(): number {
    return (this.#prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  }

  get(id: string): Briefing | undefined {
    const row = this.#prepare('SELECT json FROM records WHERE id = ?').get(id) as
      { json: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.json) as Briefing);
  }

  list({
    query = {},
    search,
    sort = {},
    page = 1,
    pageSize = 50,
    count = 'records',
    rows = 'records',
    facets: withFacets = true,
  }: ListOptions = {}): ListResult {
    const filter = this.filter({ query, search });
    const { size, offset, number } = paging({ page, pageSize });
    return this.snapshot(() => {
      const { total, engagementTotal, facets } = withFacets
        ? this.#facets(filter, count)
        : { ...this.#totals(filter), facets: NO_FACETS };
      const common = { dataVersion: this.dataVersion(), total, engagementTotal, page: number };
      if (rows === 'engagements') {
        const engagements = this.#engagementRows({ filter, sort, size, offset });
        return {
          ...common,
          pageSize: size,
          records: engagements.map((engagement) => engagement.lead),
          engagements,
          facets,
        };
      }
      const found = this.#prepare(`${selectRecords({ filter, sort })} LIMIT ? OFFSET ?`).all(
        ...filter.params,
        size,
        offset,
      ) as { json: string }[];
      return {
        ...common,
        pageSize: size,
        records: found.map((row) => JSON.parse(row.json) as Briefing),
        facets,
      };
    });
  }

  /** A page of engagements with a matching record, each with its matching records by date. */
  #engagementRows({
    filter,
    sort,
    size,
    offset,
  }: {
    filter: SqlFilter;
    sort: Sort;
    size: number;
    offset: number;
  }): EngagementGroup<Briefing>[] {
    const found = this.#prepare(selectEngagementRows({ filter, sort })).all(
      ...filter.params,
      size,
      offset,
    ) as { engagement: string; json: string }[];
    const groups = new Map<string, Briefing[]>();
    for (const { engagement, json } of found) {
      const members = groups.get(engagement) ?? [];
      members.push(JSON.parse(json) as Briefing);
      groups.set(engagement, members);
    }
    return [...groups].map(([id, members]) => ({
      id,
      lead: members.find((member) => member.id === id) ?? members[0]!,
      members,
    }));
  }

  /** The engagement a record belongs to: its root and every record in it, by date. */
  engagement(id: string): Engagement | undefined {
    return this.snapshot(() => {
      const found = this.#prepare(
        `SELECT e.engagement_id AS engagement, r.json FROM engagements e
        JOIN records r ON r.id = e.record_id
        WHERE e.engagement_id = (SELECT engagement_id FROM engagements WHERE record_id = ?)
        ORDER BY ${orderToSql({}).orderBy}`,
      ).all(id) as { engagement: string; json: string }[];
      if (found.length === 0) return undefined;
      const members = found.map((row) => JSON.parse(row.json) as Briefing);
      const root = members.find((member) => member.id === found[0]!.engagement);
      return root === undefined ? undefined : { id: root.id, root, members };
    });
  }

  /** Every matching record in order (the whole result in memory: see Store.iterate to stream). */
  all({
    query = {},
    search,
    sort = {},
  }: { query?: BriefingQuery; search?: string; sort?: Sort } = {}): Briefing[] {
    const filter = this.filter({ query, search });
    const rows = this.#prepare(selectRecords({ filter, sort })).all(...filter.params) as {
      json: string;
    }[];
    return rows.map((row) => JSON.parse(row.json) as Briefing);
  }

  /**
   * The condition a record must meet: the query's filters and, if any, the records that the
   * search words find (the same match as `search`, without its ranking).
   */
  filter({ query, search }: { query: BriefingQuery; search?: string | undefined }): SqlFilter {
    const filter = filterToSql(query);
    const match = search === undefined ? undefined : this.spellings.toFtsQuery(search);
    if (match === undefined) return filter;
    return {
      where: `${filter.where} AND r.key IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)`,
      params: [...filter.params, match],
    };
  }

  /** How many records and engagements match a filter. */
  #totals(filter: SqlFilter): { total: number; engagementTotal: number } {
    const count = () => {
      const row = this.#prepare(totalsSql(filter)).get(...filter.params) as {
        total: number;
        engagements: number;
      };
      return Object.freeze({ total: row.total, engagementTotal: row.engagements });
    };
    if (filter.where !== '1') return this.#cached(['totals', filter], false, count);
    // Every record's totals move only when a record is added or removed or changes engagement
    // (counts_version): kept until then. Counted again after each edit, they held the event loop
    // 70 ms at 100,000 records (the first read after a write is a cold one).
    return this.#keptUntil('counts_version', 'totals', () =>
      this.#cachedNow(['totals', filter], true, count),
    );
  }

  /**
   * Every country, actor and place some record has (the values of the facets, uncounted). Kept
   * until an update changes a name or country (the index's names_version): most edits do not,
   * and reading them again took 40 ms at 100,000 records, on the event loop after each edit.
   */
  facetValues(): FacetValues {
    return this.#keptUntil('names_version', 'values', () =>
      this.#cachedNow(['values'], true, () => {
        const values = {
          countries: [] as string[],
          actors: [] as string[],
          places: [] as string[],
        };
        const rows = this.#prepare(FACET_VALUES_SQL).all() as {
          facet: keyof FacetValues;
          value: string;
        }[];
        for (const row of rows) values[row.facet].push(row.value);
        for (const list of Object.values(values)) Object.freeze(list.sort());
        return Object.freeze(values);
      }),
    );
  }

  /**
   * An answer kept until the index's meta `key` moves (an update that changes what the answer
   * is made of sets it), not only until the data version does; `slot` names the answer.
   */
  #keptUntil<T>(key: string, slot: string, compute: () => T): T {
    return this.snapshot(() => {
      const version = this.#meta(key) || `data ${this.dataVersion()}`;
      const kept = this.#keptAnswers.get(slot);
      if (kept?.version === version) return kept.value as T;
      const value = compute();
      this.#keptAnswers.set(slot, { version, value });
      return value;
    });
  }

  #facets(
    filter: SqlFilter,
    unit: CountUnit,
  ): { total: number; engagementTotal: number; facets: Facets } {
    return this.#cached(['facets', unit, filter], filter.where === '1', () => {
      const rows = this.#prepare(facetsSql({ filter, unit })).all(...filter.params) as {
        facet: string;
        value: string;
        count: number;
      }[];
      const facets: Record<string, FacetCount[]> = Object.fromEntries(
        FACET_NAMES.map((name) => [name, []]),
      );
      let total = 0;
      let engagementTotal = 0;
      for (const row of rows) {
        if (row.facet === 'total') total = row.count;
        else if (row.facet === 'engagements') engagementTotal = row.count;
        else facets[row.facet]!.push(Object.freeze({ value: row.value, count: row.count }));
      }
      for (const name of FACET_NAMES) {
        facets[name]!.sort(
          (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
        );
        Object.freeze(facets[name]);
      }
      return { total, engagementTotal, facets: Object.freeze(facets as unknown as Facets) };
    });
  }

  /**
   * A computed answer, kept for the data version it was computed from. Dashboards ask the
   * same facets and overview again and again; an update makes every kept answer stale.
   */
  #cached<T>(key: unknown[], keep: boolean, compute: () => T): T {
    // The version and the answer from one read transaction.
    return this.snapshot(() => this.#cachedNow(key, keep, compute));
  }

  #cachedNow<T>(key: unknown[], keep: boolean, compute: () => T): T {
    const version = this.dataVersion();
    if (version !== this.#cacheVersion) {
      this.#cache.clear();
      this.#cacheVersion = version;
    }
    const text = JSON.stringify(key);
    if (this.#cache.has(text)) {
      const value = this.#cache.get(text) as T;
      // Most recently used last: the oldest is dropped first.
      this.#cache.delete(text);
      this.#cache.set(text, value);
      return value;
    }
    // The whole list's answers (no filter) are kept in the index across processes.
    const kept = key.some((part) => (part as SqlFilter).where === '1');
    let value = (
      kept ? readKeptAnswer({ db: this.db, key: text, dataVersion: version }) : undefined
    ) as T | undefined;
    if (value === undefined) {
      value = compute();
      if (keep) this.keep({ key: text, dataVersion: version, value });
    }
    this.#cache.set(text, value);
    if (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
    return value;
  }

  related(id: string): RelatedLinks {
    return this.snapshot(() => {
      const outgoing = this.#prepare(
        `SELECT l.related_id AS id, l.relation, r.json FROM relations l
        LEFT JOIN records r ON r.id = l.related_id WHERE l.record_id = ? ORDER BY l.position`,
      ).all(id) as { id: string; relation: RelationKind; json: string | null }[];
      const incoming = this.#prepare(
        `SELECT l.record_id AS id, l.relation, r.json FROM relations l
        JOIN records r ON r.id = l.record_id WHERE l.related_id = ?
        ORDER BY ${orderToSql({}).orderBy}, l.position`,
      ).all(id) as { id: string; relation: RelationKind; json: string }[];
      return {
        outgoing: outgoing.map(({ id, relation, json }) => ({
          id,
          relation,
          ...(json === null ? {} : { record: JSON.parse(json) as Briefing }),
        })),
        incoming: incoming.map(({ id, relation, json }) => ({
          id,
          relation,
          record: JSON.parse(json) as Briefing,
        })),
      };
    });
  }

  /**
   * Counts per month and theme, as groupByMonthAndTheme gives them, of the matching records:
   * by default records, or (`count: 'engagements'`) the engagements with a matching record there.
   */
  monthThemeCounts({
    query = {},
    count = 'records',
  }: { query?: BriefingQuery; count?: CountUnit } = {}): readonly MonthThemeCell[] {
    const filter = filterToSql(query);
    if (filter.where === '1') {
      // Every record's counts are kept until an update changes a record's months or themes, the
      // records, or an engagement (the index's month_themes_version): most edits do not, and
      // counting again took 50 ms at 10,000 records, on the event loop after each edit.
      return this.#keptUntil('month_themes_version', `months ${count}`, () =>
        this.#monthThemeCells(filter, count),
      );
    }
    return this.#monthThemeCells(filter, count);
  }

  #monthThemeCells(filter: SqlFilter, count: CountUnit): readonly MonthThemeCell[] {
    return this.#cached(['months', count, filter], filter.where === '1', () => {
      const rows = this.#prepare(monthThemeSql({ filter, unit: count })).all(...filter.params) as {
        month: string;
        theme: ThemeId;
        count: number;
        ids: string;
      }[];
      const cells = rows
        .map(({ month, theme, count, ids }) =>
          Object.freeze({ month, theme, count, ids: ids.split(' ').sort() }),
        )
        .sort(
          (a, b) =>
            (a.month < b.month ? -1 : a.month > b.month ? 1 : 0) ||
            (themeOrder.get(a.theme) ?? 0) - (themeOrder.get(b.theme) ?? 0),
        );
      return Object.freeze(cells);
    });
  }

  search({ text, query = {}, page = 1, pageSize = 20 }: SearchOptions): SearchResult {
    const { size, offset, number } = paging({ page, pageSize });
    const match = this.spellings.toFtsQuery(text);
    return this.snapshot(() => {
      const dataVersion = this.dataVersion();
      if (match === undefined)
        return { dataVersion, total: 0, page: number, pageSize: size, hits: [] };
      const filter = filterToSql(query);
      const params: SqlValue[] = [match, ...filter.params];
      // Column weights: a word in the title counts most, then in names, then in the summary.
      // The hits are collected once: the page and the total both come from them.
      const where = `records_fts MATCH ? AND ${filter.where}`;
      const rows = this.#prepare(
        `WITH hits AS MATERIALIZED (
          SELECT r.key, r.id, bm25(records_fts, 10.0, 1.0, 4.0) AS rank
          FROM records_fts JOIN records r ON r.key = records_fts.rowid WHERE ${where}
        )
        SELECT r.json, h.rank, (SELECT count(*) FROM hits) AS total
        FROM hits h JOIN records r ON r.key = h.key
        ORDER BY h.rank, h.id LIMIT ? OFFSET ?`,
      ).all(...params, size, offset) as { json: string; rank: number; total: number }[];
      // A page past the last hit has no row to carry the total: count alone then.
      const total =
        rows[0]?.total ??
        (
          this.#prepare(
            `SELECT count(*) AS n FROM records_fts JOIN records r ON r.key = records_fts.rowid WHERE ${where}`,
          ).get(...params) as { n: number }
        ).n;
      return {
        dataVersion,
        total,
        page: number,
        pageSize: size,
        hits: rows.map((row) => ({ record: JSON.parse(row.json) as Briefing, score: -row.rank })),
      };
    });
  }

  problemRows(): ProblemRow[] {
    return this.#prepare(
      'SELECT file, kind, line, record_id, path, message FROM problems',
    ).all() as unknown as ProblemRow[];
  }
}

function paging({ page, pageSize }: { page: number; pageSize: number }) {
  const size = Number.isInteger(pageSize) && pageSize > 0 ? pageSize : 50;
  const number = Number.isInteger(page) && page > 0 ? page : 1;
  return { size, number, offset: (number - 1) * size };
}
