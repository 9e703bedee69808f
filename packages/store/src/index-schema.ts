// The tables of the index. README.md documents them for analysts: change both together, and
// bump SCHEMA_VERSION with any change here (an index with another version is rebuilt).

/** The version of the tables below; an index written with another is rebuilt from scratch. */
export const SCHEMA_VERSION = 5;

/** Tables only the store itself uses; a dataset export leaves them out. */
export const INTERNAL_TABLES = ['files', 'haystacks', 'title_ranks', 'answers'] as const;

export const CREATE_TABLES = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE files (
  name TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  ctime_ns INTEGER NOT NULL,
  ino INTEGER NOT NULL,
  hash TEXT NOT NULL,
  read_ns INTEGER NOT NULL,
  valid INTEGER NOT NULL,
  good_id TEXT,
  good_related TEXT
) STRICT;

CREATE TABLE records (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  precision TEXT NOT NULL,
  confidence TEXT NOT NULL,
  announced_on TEXT,
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  title TEXT NOT NULL,
  file TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  mtime TEXT NOT NULL,
  hash TEXT NOT NULL,
  names TEXT NOT NULL,
  summary TEXT NOT NULL,
  json TEXT NOT NULL
) STRICT;
CREATE INDEX records_by_date ON records (start_date, end_date, id);
CREATE INDEX records_by_updated ON records (updated, start_date, end_date, id);
-- Filters and facets read only these columns: a scan of this index skips the long text.
CREATE INDEX records_by_facets ON records (id, type, status, start_date, end_date);

-- Each record's place in the title order of sortBriefings (Intl.Collator, which SQLite does not
-- have): see title-order.ts. Apart from the records, so that a new rank rewrites a short row.
CREATE TABLE title_ranks (
  record_id TEXT PRIMARY KEY,
  rank REAL NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX title_ranks_by_rank ON title_ranks (rank);

-- The folded text a text filter searches (as filterBriefings does), apart from the records.
-- exact: NULL, or (for text that is not well-formed UTF-16, which UTF-8 cannot hold) the text as JSON.
CREATE TABLE haystacks (
  record_id TEXT PRIMARY KEY,
  haystack TEXT NOT NULL,
  exact TEXT
) STRICT, WITHOUT ROWID;

CREATE TABLE actors (
  record_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  country TEXT NOT NULL,
  office TEXT,
  role TEXT NOT NULL,
  PRIMARY KEY (record_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE places (
  record_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  country TEXT NOT NULL,
  lat REAL,
  lon REAL,
  PRIMARY KEY (record_id, position)
) STRICT, WITHOUT ROWID;
-- The filters' options (every name, every country: facetValues) read along these, not sorting.
CREATE INDEX actors_by_name ON actors (name_folded, name);
CREATE INDEX places_by_name ON places (name_folded, name);
CREATE INDEX actors_by_country ON actors (country);
CREATE INDEX places_by_country ON places (country);

CREATE TABLE themes (
  record_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  theme TEXT NOT NULL,
  PRIMARY KEY (record_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE sources (
  record_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  publisher TEXT NOT NULL,
  title TEXT NOT NULL,
  url TEXT,
  document TEXT,
  published TEXT,
  accessed TEXT,
  language TEXT,
  note TEXT,
  PRIMARY KEY (record_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE relations (
  record_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  related_id TEXT NOT NULL,
  relation TEXT NOT NULL,
  PRIMARY KEY (record_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX relations_by_related ON relations (related_id);

-- Each record's engagement (packages/schema's engagementIds): the id of its root record, the
-- record itself for most. Apart from the records, so that a regrouping rewrites short rows.
CREATE TABLE engagements (
  record_id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX engagements_by_engagement ON engagements (engagement_id, record_id);

CREATE TABLE months (
  record_id TEXT NOT NULL,
  month TEXT NOT NULL,
  PRIMARY KEY (record_id, month)
) STRICT, WITHOUT ROWID;

CREATE TABLE problems (
  file TEXT NOT NULL,
  kind TEXT NOT NULL,
  line INTEGER,
  record_id TEXT,
  path TEXT NOT NULL,
  message TEXT NOT NULL
) STRICT;
CREATE INDEX problems_by_file ON problems (file, kind);

-- Answers computed from one data version (the unfiltered facets and month counts), kept so that
-- a process starting on an unchanged index does not compute them again (see kept-answers.ts).
CREATE TABLE answers (
  key TEXT PRIMARY KEY,
  data_version INTEGER NOT NULL,
  value TEXT NOT NULL
) STRICT;

-- Full-text search over the records table (an external-content FTS5 table, as Datasette expects).
-- The writer keeps it (index-writer.ts), in batches: not by triggers, one statement per record.
CREATE VIRTUAL TABLE records_fts USING fts5(
  title, summary, names,
  content="records", content_rowid="key",
  tokenize='unicode61 remove_diacritics 2'
);
`;
