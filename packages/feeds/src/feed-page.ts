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
  if (items.length <= pageSize) return { current, archives: [] };
  const byCreation = sortedByCreation ?? [...items].sort(compareCreation);
  const archives: T[][] = [];
  for (let start = 0; start < byCreation.length; start += pageSize) {
    archives.push(byCreation.slice(start, start + pageSize).sort(compareItems));
  }
  return { current, archives };
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
    if (newest === undefined || item.updated > newest) newest = item.updated;
  return newest ?? fallback;
}

/** Every page (current first, then archives oldest first) of one scope. */
export function scopePages({
  scope,
  items,
  siteUrl,
  pageSize,
  hubUrl,
  emptyUpdated,
  coverageNote,
  byCreation,
}: {
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
}): FeedPage[] {
  const { current, archives } = paginate({
    items,
    pageSize,
    ...(byCreation === undefined ? {} : { byCreation }),
  });
  const currentUrls = urls({ siteUrl, paths: feedLinks({ scope }) });
  const host = new URL(siteUrl).hostname;
  const base = {
    scope,
    feedId: `tag:${host},2023:feeds/${scopeSegment({ scope })}`,
    title: scopeTitle({ scope }),
    description: SCOPE_DESCRIPTIONS[scope.kind],
    homeUrl: absoluteUrl({ siteUrl, path: scopePagePath({ scope }) }),
    siteUrl,
    current: currentUrls,
  };
  const pages: FeedPage[] = [
    {
      ...base,
      ...(coverageNote === undefined ? {} : { description: `${base.description} ${coverageNote}` }),
      items: current,
      updated: newestUpdate({ items: current, fallback: emptyUpdated }),
      self: currentUrls,
      // WebSub subscribers follow the subscription document only.
      ...(hubUrl === undefined ? {} : { hubUrl }),
      ...(archives.length > 0
        ? { prevArchive: archiveUrls({ siteUrl, scope, page: archives.length }) }
        : {}),
    },
  ];
  archives.forEach((archiveItems, index) => {
    const page = index + 1;
    pages.push({
      ...base,
      items: archiveItems,
      updated: newestUpdate({ items: archiveItems, fallback: emptyUpdated }),
      self: archiveUrls({ siteUrl, scope, page }),
      archivePage: page,
      ...(page > 1 ? { prevArchive: archiveUrls({ siteUrl, scope, page: page - 1 }) } : {}),
      ...(page < archives.length
        ? { nextArchive: archiveUrls({ siteUrl, scope, page: page + 1 }) }
        : {}),
    });
  });
  return pages;
}
