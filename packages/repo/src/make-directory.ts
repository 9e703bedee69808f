// `mkdir -p`, one level at a time. Node's own (`mkdirSync(path, { recursive: true })`, and the
// promise version) never returns for a path under /proc or /sys: there mkdir(2) answers ENOENT
// for a child of a directory that exists, and Node goes back to make the parent, which exists,
// then forward again, for ever, at 100% CPU (seen with Node 24: `--out /proc/x/out` hung the
// feeds build). One level at a time, that ENOENT is an error like any other.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Make a directory and any missing parents; an error (never a hang) where that cannot be. */
export function makeDirectory(path: string): void {
  const missing: string[] = [];
  let dir = resolve(path);
  while (statSync(dir, { throwIfNoEntry: false }) === undefined) {
    missing.push(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const each of missing.reverse()) {
    try {
      mkdirSync(each);
    } catch (error) {
      // Made meanwhile by another process: as good.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if (!statSync(path).isDirectory()) {
    throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${path}'`), {
      code: 'EEXIST',
      path,
    });
  }
}
