// Whether the code a long-running build daemon loaded is still the code on disk: after a rebuild
// or an upgrade, its builds would be written by the old code. Checked before every build, so it
// looks at metadata only (some hundreds of files, a few milliseconds).
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE = /\.(?:ts|js|mjs|cjs|json)$/;

/** This package and every workspace package it depends on, directly or not: their folders. */
function workspaceFolders(root: string, found = new Set<string>()): Set<string> {
  if (found.has(root)) return found;
  found.add(root);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
    if (!range.startsWith('workspace:')) continue;
    workspaceFolders(realpathSync(join(root, 'node_modules', name)), found);
  }
  return found;
}

/** Every code file of a package (its sources and its build), with its size and time. */
function describe(folder: string, lines: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    // Installed packages (their versions are in the lock file) and tool caches (.turbo).
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
      describe(path, lines);
    } else if (entry.isFile() && CODE.test(entry.name)) {
      const stat = statSync(path, { throwIfNoEntry: false });
      lines.push(`${path} ${stat?.size} ${stat?.mtimeMs}`);
    }
  }
  return lines;
}

/** A description of the code of `packageRoot` and its workspace dependencies, to compare later. */
export function codeSnapshot(
  packageRoot = dirname(dirname(fileURLToPath(import.meta.url))),
): string {
  return [...workspaceFolders(packageRoot)].flatMap((folder) => describe(folder).sort()).join('\n');
}
