import type { FeedItemKey } from './to-feed-item.js';
import { absoluteUrl, compareCreation, compareItems } from './to-feed-item.js';
import { archivePath, feedLinks, scopePagePath, scopeSegment, scopeTitle } from './paths.js';
import type { FeedFormat, FeedScope } from './paths.js';

export type FormatUrls = Record<FeedFormat, string>;

/** One feed document (current or archive) of a scope, independent of its format. */
export interface FeedPage {
  scope: FeedScope;
  /** Same for every page of a scope (RFC 5005 §4: archives share the feed's identity). */
  feedId: string;
  title: string;
  description: string;
  homeUrl: string;
  siteUrl: string;
  items: FeedItemKey[];
  updated: Date;
  self: FormatUrls;
  current: FormatUrls;
  /** Set on archive documents: its page number (1 = oldest). */
  archivePage?: number;
  prevArchive?: FormatUrls;
  nextArchive?: FormatUrls;
  hubUrl?: string;
}

const SCOPE_DESCRIPTIONS: Record<FeedScope['kind'], string> = {
  all: 'Every recorded engagement between Russia and North Korea, newest update first.',
  theme: 'Recorded Russia–DPRK engagements on this theme, newest update first.',
  type: 'Recorded Russia–DPRK engagements of this kind, newest update first.',
  country:
    'Recorded Russia–DPRK engagements with an actor from this country or a place in it, newest update first.',
};

/**
 * Split a scope's items (newest update first) into the current document, the newest `pageSize`
 * updates, and archive documents (RFC 5005 §4). Once a scope has more items than one page, every
 * item is archived, in order of when its record was added (`revision.created`), `pageSize` to an
 * archive: so the set of entries of an archive never changes once it is full (§4: it SHOULD NOT),
 * the newest archive fills as records are added, and editing a record changes only the archive it
 * is in. A recently updated record is thus in the current document and in its archive; readers
 * keep the newest copy of an entry (§4.2). Each page lists its items newest update first.
 */
export function paginate<T extends FeedItemKey>({
  items,
  pageSize,
  byCreation: sortedByCreation,
}: {
  items: readonly T[];
  pageSize: number;
  /** The same items sorted by compareCreation, when the caller keeps them so. */
  byCreation?: readonly T[];
}): {
  current: T[];
  archives: T[][];
} {
  const current = items.slice(0, pageSize);
  const count = archiveCount(items.length, pageSize);
  if (count === 0) return { current, archives: [] };
  const byCreation = sortedByCreation ?? [...items].sort(compareCreation);
  const archives = Array.from({ length: count }, (_, index) =>
    archiveItems({ byCreation, page: index + 1, pageSize }),
  );
  return { current, archives };
}

/** How many archives a scope of `length` items has (none while it fits the current document). */
function archiveCount(length: number, pageSize: number): number {
  return length <= pageSize ? 0 : Math.ceil(length / pageSize);
}

/** The items of archive `page` (1 = oldest), newest update first. */
function archiveItems<T extends FeedItemKey>({
  byCreation,
  page,
  pageSize,
}: {
  byCreation: readonly T[];
  page: number;
  pageSize: number;
}): T[] {
  return byCreation.slice((page - 1) * pageSize, page * pageSize).sort(compareItems);
}

/**
 * Every archive's items, newest update first: the scope's items (in that order) dealt out to the
 * archive each is in by the order they were added. A subset of a list in a total order keeps
 * that order: the same lists as sorting each archive. Undefined if the two lists do not hold the
 * same keys (the caller then sorts each archive).
 */
function dealtArchives({
  items,
  byCreation,
  pageSize,
  archives,
}: {
  items: readonly FeedItemKey[];
  byCreation: readonly FeedItemKey[];
  pageSize: number;
  archives: number;
}): FeedItemKey[][] | undefined {
  const archiveOf = new Map<FeedItemKey, number>();
  byCreation.forEach((key, index) => archiveOf.set(key, Math.floor(index / pageSize)));
  const dealt = Array.from({ length: archives }, (): FeedItemKey[] => []);
  for (const key of items) {
    const archive = archiveOf.get(key);
    if (archive === undefined) return undefined;
    dealt[archive]!.push(key);
  }
  return dealt;
}

function urls({ siteUrl, paths }: { siteUrl: string; paths: FormatUrls }): FormatUrls {
  return {
    rss: absoluteUrl({ siteUrl, path: paths.rss }),
    atom: absoluteUrl({ siteUrl, path: paths.atom }),
    json: absoluteUrl({ siteUrl, path: paths.json }),
  };
}

function archiveUrls({
  siteUrl,
  scope,
  page,
}: {
  siteUrl: string;
  scope: FeedScope;
  page: number;
}): FormatUrls {
  return urls({
    siteUrl,
    paths: {
      rss: archivePath({ scope, page, format: 'rss' }),
      atom: archivePath({ scope, page, format: 'atom' }),
      json: archivePath({ scope, page, format: 'json' }),
    },
  });
}

/** The newest update among items, or the fallback for an empty page. */
function newestUpdate({
  items,
  fallback,
}: {
  items: readonly FeedItemKey[];
  fallback: Date;
}): Date {
  let newest: Date | undefined;
  for (const item of items)
    if (newest === undefined || item.updated.getTime() > newest.getTime()) newest = item.updated;
  return newest ?? fallback;
}

export interface ScopePagesOptions {
  scope: FeedScope;
  items: readonly FeedItemKey[];
  /** The same items sorted by compareCreation, when the caller keeps them so. */
  byCreation?: readonly FeedItemKey[];
  siteUrl: string;
  pageSize: number;
  hubUrl?: string;
  /** `updated` of a page with no items: a fixed date, never "now". */
  emptyUpdated: Date;
  /**
   * What the data covers ("Covers … ; last updated …"), added to the subscription document's
   * description only: archives never change once full (RFC 5005 §4).
   */
  coverageNote?: string;
  /**
   * The pages of the same scope and options that these replace (before an edit): an archive
   * that lists the very same items (the same objects: an edited record's key is a new one) is
   * taken from them rather than made again. After one edit, most of a scope's archives are.
   */
  previous?: ScopePages;
}

// A server makes the few archives it is asked for, each its items sorted; a build makes them all.
// Past this many, the rest are dealt out at once from the scope's items, already in order.
const SORTED_ARCHIVES = 16;

/** Every page (current first, then archives oldest first) of one scope. */
export function scopePages(options: ScopePagesOptions): FeedPage[] {
  return new ScopePages(options).all();
}

/**
 * The pages of one scope, each made when first asked for: index 0 is the current document,
 * 1 … count - 1 the archives, oldest first. A scope of 100,000 records has 2,000 archives, and
 * after an edit the live feeds look again at the few documents they keep, not at every page.
 */
export class ScopePages {
  /** How many pages: the current document and the archives. */
  readonly count: number;
  readonly #options: ScopePagesOptions;
  readonly #base: Omit<FeedPage, 'items' | 'updated' | 'self'>;
  readonly #made = new Map<number, FeedPage>();
  /** The items, in order of creation, each archive in #made was made for. */
  readonly #madeFor = new Map<number, readonly FeedItemKey[]>();
  #byCreation: readonly FeedItemKey[] | undefined;
  /** How many archives were made, each its items sorted; then every archive's items at once. */
  #archivesSorted = 0;
  #dealt: FeedItemKey[][] | undefined;
  #previous: ScopePages | undefined;

  constructor(options: ScopePagesOptions) {
    const { scope, siteUrl, items, pageSize, previous } = options;
    this.#options = options;
    this.#previous = previous;
    // Only the pages it made are taken from it: not a chain of every version before.
    if (previous !== undefined) previous.#previous = undefined;
    this.count = 1 + archiveCount(items.length, pageSize);
    const host = new URL(siteUrl).hostname;
    this.#base = {
      scope,
      feedId: `tag:${host},2023:feeds/${scopeSegment({ scope })}`,
      title: scopeTitle({ scope }),
      description: SCOPE_DESCRIPTIONS[scope.kind],
      homeUrl: absoluteUrl({ siteUrl, path: scopePagePath({ scope }) }),
      siteUrl,
      current: urls({ siteUrl, paths: feedLinks({ scope }) }),
    };
  }

  /** The URLs of page `index` in each format, without making the page. */
  self(index: number): FormatUrls {
    const { siteUrl, scope } = this.#options;
    return index === 0 ? this.#base.current : archiveUrls({ siteUrl, scope, page: index });
  }

  page(index: number): FeedPage {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) {
      throw new RangeError(`no page ${index} in a scope of ${this.count} pages`);
    }
    let page = this.#made.get(index);
    if (page === undefined) {
      page = index === 0 ? this.#current() : this.#archive(index);
      this.#made.set(index, page);
    }
    return page;
  }

  all(): FeedPage[] {
    return Array.from({ length: this.count }, (_, index) => this.page(index));
  }

  #current(): FeedPage {
    const { items, pageSize, emptyUpdated, coverageNote, hubUrl, siteUrl, scope } = this.#options;
    const current = items.slice(0, pageSize);
    const archives = this.count - 1;
    return {
      ...this.#base,
      ...(coverageNote === undefined
        ? {}
        : { description: `${this.#base.description} ${coverageNote}` }),
      items: current,
      updated: newestUpdate({ items: current, fallback: emptyUpdated }),
      self: this.#base.current,
      // WebSub subscribers follow the subscription document only.
      ...(hubUrl === undefined ? {} : { hubUrl }),
      ...(archives > 0 ? { prevArchive: archiveUrls({ siteUrl, scope, page: archives }) } : {}),
    };
  }

  /** Archive `page`, if made already and a scope of `count` pages would list `items` there. */
  #madeArchive({
    page,
    count,
    items,
  }: {
    page: number;
    count: number;
    items: readonly FeedItemKey[];
  }): FeedPage | undefined {
    // Its links to the other archives depend on how many there are.
    if (count !== this.count) return undefined;
    const made = this.#made.get(page);
    if (made === undefined || made.items.length !== items.length) return undefined;
    // The same items in the same order: the common case after an edit, checked without a set
    // (at 10,000 records, a set for each of ~1,100 archives took 5-7 ms of a 50-70 ms build).
    const madeFor = this.#madeFor.get(page);
    if (madeFor?.length === items.length && madeFor.every((item, at) => item === items[at])) {
      return made;
    }
    const listed = new Set(made.items);
    return items.every((item) => listed.has(item)) ? made : undefined;
  }

  /** The items of archive `page`, newest update first. */
  #archiveItems(page: number): FeedItemKey[] {
    const { items, pageSize } = this.#options;
    const byCreation = this.#byCreation!;
    if (this.#dealt === undefined && ++this.#archivesSorted > SORTED_ARCHIVES) {
      this.#dealt = dealtArchives({ items, byCreation, pageSize, archives: this.count - 1 });
    }
    return this.#dealt?.[page - 1] ?? archiveItems({ byCreation, page, pageSize });
  }

  #archive(page: number): FeedPage {
    const { items, pageSize, emptyUpdated, siteUrl, scope } = this.#options;
    this.#byCreation ??= this.#options.byCreation ?? [...items].sort(compareCreation);
    const madeFor = this.#byCreation.slice((page - 1) * pageSize, page * pageSize);
    this.#madeFor.set(page, madeFor);
    const previous = this.#previous;
    if (previous !== undefined) {
      const same = previous.#madeArchive({ page, count: this.count, items: madeFor });
      if (same !== undefined) return same;
    }
    const pageItems = this.#archiveItems(page);
    const archives = this.count - 1;
    return {
      ...this.#base,
      items: pageItems,
      updated: newestUpdate({ items: pageItems, fallback: emptyUpdated }),
      self: archiveUrls({ siteUrl, scope, page }),
      archivePage: page,
      ...(page > 1 ? { prevArchive: archiveUrls({ siteUrl, scope, page: page - 1 }) } : {}),
      ...(page < archives ? { nextArchive: archiveUrls({ siteUrl, scope, page: page + 1 }) } : {}),
    };
  }
}
