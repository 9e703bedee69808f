import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FeedSet } from '@briefing/feeds';

/**
 * Write every file of a feed set under `out` (its URL paths as file paths, so `out` can be served
 * as a web root), atomically as a whole: into a sibling temporary directory first, then swapped
 * in by renames. On any failure the previous output is left as it was.
 */
export async function writeFeedSet({ feeds, out }: { feeds: FeedSet; out: string }): Promise<void> {
  const existing = await stat(out).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new Error(`--out must be a directory, but ${out} is a file`);
  }
  const parent = dirname(out);
  await mkdir(parent, { recursive: true });
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const temp = join(parent, `.${basename(out)}.new-${suffix}`);
  const old = join(parent, `.${basename(out)}.old-${suffix}`);
  try {
    const dirs = new Set([...feeds.files.keys()].map((path) => dirname(join(temp, path))));
    for (const dir of dirs) await mkdir(dir, { recursive: true });
    for (const file of feeds.files.values()) await writeFile(join(temp, file.path), file.body);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (existing === undefined) {
    await rename(temp, out);
    return;
  }
  await rename(out, old);
  try {
    await rename(temp, out);
  } catch (error) {
    await rename(old, out);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}
