import { fileURLToPath } from 'node:url';
import { loadBriefings } from '@briefing/schema/node';
import type { Briefing } from '@briefing/schema';
import type { FeedSet } from '../build-feeds.js';

export const SEEDS_DIR = fileURLToPath(new URL('../../../../seeds/briefings', import.meta.url));

/** The repository's seed records (the test fails if any is invalid). */
export async function loadSeeds(): Promise<Briefing[]> {
  const { records, problems } = await loadBriefings({ dir: SEEDS_DIR });
  if (problems.length > 0) throw new Error(`seed records are invalid: ${JSON.stringify(problems)}`);
  return records;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A file's text; fails the test if the path is missing or the bytes are not UTF-8. */
export function fileText(feeds: FeedSet, path: string): string {
  const file = feeds.files.get(path);
  if (file === undefined) throw new Error(`no file ${path} in the feed set`);
  return decoder.decode(file.body);
}

/** Every file path of a format ("rss", "atom", "json", "ics", "opml"). */
export function pathsOf(feeds: FeedSet, extension: string): string[] {
  return [...feeds.files.keys()].filter((path) => path.endsWith(`.${extension}`));
}

/** Undo the five escapes of HTML text (Atom titles are type="html"). */
export function unescapeHtml(value: string): string {
  return value
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}
