/** What an article says about itself, from front matter, HTML metadata or a dateline. */
export interface ArticleMeta {
  title?: string;
  /** The article's date as written (ISO date or date-time, or a dateline). */
  date?: string;
  /** Where the date was read, for the draft's notes ("<time datetime>", "front matter date"). */
  dateFrom?: string;
  publisher?: string;
  url?: string;
}

export interface ReadArticle {
  /** Plain text; paragraphs separated by blank lines (or one a line). */
  body: string;
  meta: ArticleMeta;
}

export type ArticleFormat = 'text' | 'markdown' | 'html';
