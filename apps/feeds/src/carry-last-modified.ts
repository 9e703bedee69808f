import type { FeedSet } from './build-feeds.js';
import type { FeedFile } from './feed-file.js';

/**
 * Last-Modified for a rebuilt feed set. Files carry the newest record update (a day, never the
 * build time), so an edit made on the day of the last one would keep the same Last-Modified and a
 * reader polling with If-Modified-Since alone would get 304 for new content. For every file whose
 * bytes changed but whose date did not move forward, use the rebuild time instead.
 */
export function carryLastModified({
  previous,
  next,
  now,
}: {
  previous: FeedSet;
  next: FeedSet;
  now: Date;
}): FeedSet {
  // HTTP dates have whole seconds.
  const second = Math.floor(now.getTime() / 1000) * 1000;
  const files = new Map<string, FeedFile>();
  for (const [path, file] of next.files) {
    const before = previous.files.get(path);
    if (before === undefined || file.lastModified > before.lastModified) {
      files.set(path, file);
    } else if (before.etag === file.etag) {
      files.set(path, withDate(file, before.lastModified));
    } else {
      const later = Math.max(second, before.lastModified.getTime() + 1000);
      files.set(path, withDate(file, new Date(later)));
    }
  }
  return { ...next, files };
}

function withDate(file: FeedFile, lastModified: Date): FeedFile {
  if (file.lastModified.getTime() === lastModified.getTime()) return file;
  // Everything else (body, ETag, compressed bodies) stays the file's own.
  return Object.create(file, {
    lastModified: { value: lastModified, enumerable: true },
  }) as FeedFile;
}
