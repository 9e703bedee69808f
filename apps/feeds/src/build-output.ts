import type { LiveFeeds } from '@briefing/feeds';
import { previousBuildOf, writeFeedOutput, type WriteResult } from './write-output.js';

/**
 * Write every feed document under `out`: a document whose signature (its page and the content
 * hash of each record it shows) is the one the previous output has for it, written by the same
 * code and options, is linked from it without being rendered (so a new process after one edit
 * renders only what the edit touches); the others are spliced from the records' items, rendered
 * once per format, and written only if their bytes changed.
 */
export function buildOutput({ live, out }: { live: LiveFeeds; out: string }): WriteResult & {
  files: number;
} {
  // No output of this code and options to reuse: every document is rendered, so every record's
  // items are rendered first, in batches (faster than document by document).
  if (previousBuildOf(out) !== live.fingerprint) live.warm();
  const paths = live.paths();
  const result = writeFeedOutput({
    out,
    build: live.fingerprint,
    files: paths.map((path) => ({
      path,
      signature: live.signature(path),
      render: () => live.file(path),
    })),
  });
  return { ...result, files: paths.length };
}
