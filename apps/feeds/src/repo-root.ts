import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The directory the user ran the command from (pnpm runs scripts in the package directory). */
export function userCwd(): string {
  return process.env.INIT_CWD ?? process.cwd();
}

/** The nearest directory at or above `from` holding pnpm-workspace.yaml, if any. */
export function findRepoRoot(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
