import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepoRoot } from './find-repo-root.js';

/**
 * The repository a command works in: the one holding `cwd` (where the user typed it), else the
 * one this code was installed in. Repository paths in records (`seeds/documents/…`) resolve from
 * here, wherever the records themselves sit (a drafts folder, `BRIEFING_DATA` outside the repo).
 */
export function commandRepoRoot({ cwd }: { cwd: string }): string | undefined {
  return (
    findRepoRoot({ from: cwd }) ?? findRepoRoot({ from: dirname(fileURLToPath(import.meta.url)) })
  );
}
