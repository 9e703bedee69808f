import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from './test-support.js';
import { writeNewFileAtomic } from './write-new-file.js';

describe('writeNewFileAtomic', () => {
  afterEach(removeTempDirs);

  it('writes a new file and leaves no temp file behind', async () => {
    const dir = await makeTempDir();
    expect(await writeNewFileAtomic({ path: join(dir, 'a.yaml'), contents: 'id: a\n' })).toBe(true);
    expect(await readdir(dir)).toEqual(['a.yaml']);
    expect(await readFile(join(dir, 'a.yaml'), 'utf8')).toBe('id: a\n');
  });

  it('never replaces an existing file', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'a.yaml'), 'mine\n');
    expect(await writeNewFileAtomic({ path: join(dir, 'a.yaml'), contents: 'theirs\n' })).toBe(
      false,
    );
    expect(await readFile(join(dir, 'a.yaml'), 'utf8')).toBe('mine\n');
    expect(await readdir(dir)).toEqual(['a.yaml']);
  });

  it('lets exactly one of two simultaneous writers win', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'a.yaml');
    const results = await Promise.all([
      writeNewFileAtomic({ path, contents: 'one\n' }),
      writeNewFileAtomic({ path, contents: 'two\n' }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await readFile(path, 'utf8')).toBe(results[0] ? 'one\n' : 'two\n');
  });
});
