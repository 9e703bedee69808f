import type { LiveFeeds } from '@briefing/feeds';
import { writeFeedOutput, type WriteResult } from './write-output.js';

/**
 * Write every feed document under `out`: each record's items rendered once per format (those not
 * rendered yet), each document spliced from them (or taken as kept, if no edit touched it since
 * the last write), and only changed files written.
 */
export function buildOutput({ live, out }: { live: LiveFeeds; out: string }): WriteResult & {
  files: number;
} {
  live.warm();
  const paths = live.paths();
  const result = writeFeedOutput({
    out,
    files: (function* () {
      for (const path of paths) {
        const file = live.file(path);
        if (file !== undefined) yield file;
      }
    })(),
  });
  return { ...result, files: paths.length };
}
