import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest directory at or above `from` that holds pnpm-workspace.yaml. */
export function findRepoRoot(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Where the records are: `BRIEFING_DATA`, else `seeds/briefings` of the repository around the
 * working directory, else around this module (the built server may be started from anywhere).
 */
export function resolveDataDir({
  env = process.env,
  cwd = process.cwd(),
}: { env?: Record<string, string | undefined>; cwd?: string } = {}): string {
  const configured = env.BRIEFING_DATA;
  if (configured !== undefined && configured !== '') return resolve(cwd, configured);
  const root = findRepoRoot(cwd) ?? findRepoRoot(dirname(fileURLToPath(import.meta.url)));
  if (root === undefined) {
    throw new Error(
      `BRIEFING_DATA is not set and no pnpm-workspace.yaml was found above ${cwd}: set BRIEFING_DATA to the directory of briefing records (e.g. seeds/briefings)`,
    );
  }
  return join(root, 'seeds', 'briefings');
}
