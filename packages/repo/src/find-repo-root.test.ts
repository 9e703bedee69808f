import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from './test-temp-dir.js';
import { expect, it } from 'vitest';
import { findRepoRoot } from './find-repo-root.js';

it('finds the nearest directory above holding pnpm-workspace.yaml, or none', async () => {
  const { dir, remove } = await makeTempDir();
  try {
    const nested = join(dir, 'repo', 'apps', 'feeds', 'src');
    await mkdir(nested, { recursive: true });
    expect(findRepoRoot({ from: nested })).toBeUndefined();
    await writeFile(join(dir, 'repo', 'pnpm-workspace.yaml'), 'packages: []\n');
    expect(findRepoRoot({ from: nested })).toBe(join(dir, 'repo'));
    expect(findRepoRoot({ from: join(dir, 'repo') })).toBe(join(dir, 'repo'));
  } finally {
    await remove();
  }
});
