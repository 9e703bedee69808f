import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory and a function that removes it. */
export async function makeTempDir(
  prefix = 'briefing-',
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes files (name → text or bytes) into a directory. */
export async function writeFiles({
  dir,
  files,
}: {
  dir: string;
  files: Record<string, string | Uint8Array>;
}): Promise<void> {
  await Promise.all(
    Object.entries(files).map(([name, contents]) => writeFile(join(dir, name), contents)),
  );
}
