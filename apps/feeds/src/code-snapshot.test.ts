import { mkdtemp, mkdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeSnapshot } from './code-snapshot.js';

const temps: string[] = [];
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** An app depending on a workspace library (linked in its node_modules, as pnpm does). */
async function workspace() {
  const root = await mkdtemp(join(tmpdir(), 'briefing-code-snapshot-'));
  temps.push(root);
  const app = join(root, 'app');
  const lib = join(root, 'lib');
  await mkdir(join(app, 'dist'), { recursive: true });
  await mkdir(join(app, 'node_modules/@x'), { recursive: true });
  await mkdir(join(lib, 'dist'), { recursive: true });
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({ dependencies: { '@x/lib': 'workspace:*', other: '^1.0.0' } }),
  );
  await writeFile(join(lib, 'package.json'), JSON.stringify({}));
  await writeFile(join(app, 'dist/main.js'), 'export {};');
  await writeFile(join(lib, 'dist/index.js'), 'export const a = 1;');
  await symlink(lib, join(app, 'node_modules/@x/lib'));
  return { app, lib };
}

describe('codeSnapshot', () => {
  it('is the same while no code file changes, and differs once one of a dependency does', async () => {
    const { app, lib } = await workspace();
    const before = codeSnapshot(app);
    expect(before).toContain(join(lib, 'dist/index.js'));
    expect(codeSnapshot(app)).toBe(before);
    await writeFile(join(lib, 'dist/index.js'), 'export const a = 2;');
    await utimes(join(lib, 'dist/index.js'), new Date(), new Date(Date.now() + 5000));
    expect(codeSnapshot(app)).not.toBe(before);
  });

  it('sees a new code file, and ignores installed packages and other files', async () => {
    const { app } = await workspace();
    const before = codeSnapshot(app);
    await mkdir(join(app, 'node_modules/other'), { recursive: true });
    await writeFile(join(app, 'node_modules/other/index.js'), '');
    await writeFile(join(app, 'README.md'), 'notes');
    expect(codeSnapshot(app)).toBe(before);
    await writeFile(join(app, 'dist/more.js'), 'export {};');
    expect(codeSnapshot(app)).not.toBe(before);
  });
});
