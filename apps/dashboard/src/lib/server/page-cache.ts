/**
 * Whole responses of pages that depend only on the records (loaded once) and today's date:
 * the overview, record, theme and feeds pages without a query string. The CSP uses hashes, not
 * per-response nonces, so a stored page is as valid as a fresh one.
 */
export interface StoredPage {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

export interface PageCache {
  get: (key: string) => StoredPage | undefined;
  set: (key: string, page: StoredPage) => void;
}

export function createPageCache({ maxEntries = 2000 }: { maxEntries?: number } = {}): PageCache {
  const pages = new Map<string, StoredPage>();
  return {
    get: (key) => pages.get(key),
    set: (key, page) => {
      // Keys are bounded by the records and themes; the limit only guards against surprises.
      if (pages.size >= maxEntries) pages.clear();
      pages.set(key, page);
    },
  };
}

const CACHEABLE = /^\/(?:$|feeds$|themes\/[a-z-]+$|briefings\/[a-z0-9-]+$)/;

/** Whether a request is for a page whose response may be stored and reused. */
export function isCacheablePage(request: Request, url: URL): boolean {
  return request.method === 'GET' && url.search === '' && CACHEABLE.test(url.pathname);
}

/** A fresh Response from a stored page. */
export function storedResponse(page: StoredPage): Response {
  return new Response(page.body.slice(0), { status: page.status, headers: page.headers });
}
