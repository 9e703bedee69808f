import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseItemLayout, type ItemLayout, type LiveFeeds } from '@briefing/feeds';
import { readPreviousOutput, writeFeedOutput, type WriteResult } from './write-output.js';

/**
 * Write every feed document under `out`. A document whose signature (its page and the content
 * hash of each record it shows) is the one the previous output has for it, written by the same
 * code and options, is linked from it without being rendered, and the documents that are
 * rendered take the items of unchanged records from the previous output's files (where the
 * manifest says they are): so a new process after one edit renders only what the edit touches.
 * Without such an output, every record's items are rendered first, in batches.
 */
export function buildOutput({ live, out }: { live: LiveFeeds; out: string }): WriteResult & {
  files: number;
} {
  const previous = readPreviousOutput(out);
  if (previous?.build === live.fingerprint && previous.files !== undefined) {
    const layouts: [string, ItemLayout][] = [];
    for (const [path, file] of previous.files) {
      const layout = file.extra === undefined ? undefined : parseItemLayout(file.extra);
      if (layout !== undefined) layouts.push([path, layout]);
    }
    live.reuseItems({
      layouts,
      read: (path) => {
        try {
          return readFileSync(join(previous.dir, path));
        } catch {
          return undefined;
        }
      },
    });
  } else {
    live.warm();
  }
  const paths = live.paths();
  const result = writeFeedOutput({
    out,
    build: live.fingerprint,
    ...(previous === undefined ? {} : { previous }),
    files: paths.map((path) => ({
      path,
      signature: live.signature(path),
      render: () => live.file(path),
      extra: () => live.itemLayout(path),
    })),
  });
  return { ...result, files: paths.length };
}
