import type { FeedSet } from './build-feeds.js';
import type { FeedFile } from './feed-file.js';

/**
 * Last-Modified for a feed set about to be served. Files carry the newest record update (a day,
 * never the build time), so an edit made on the day of the last one, or a record deleted, would
 * keep or lower the date and a reader polling with If-Modified-Since alone would get 304 for new
 * content. So a rebuild dates every file whose bytes changed, but whose date did not move
 * forward, at the rebuild time; and the first set a process serves (`previous` undefined) is
 * dated at its start, since what an earlier process served is unknown: a reader that polls with
 * a date alone fetches each file once more after a restart, and never misses a change.
 */
export function carryLastModified({
  previous,
  next,
  now,
}: {
  previous?: FeedSet | undefined;
  next: FeedSet;
  now: Date;
}): FeedSet {
  // HTTP dates have whole seconds.
  const second = Math.floor(now.getTime() / 1000) * 1000;
  const files = new Map<string, FeedFile>();
  for (const [path, file] of next.files) {
    if (previous === undefined) {
      files.set(path, withDate(file, new Date(second)));
      continue;
    }
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
