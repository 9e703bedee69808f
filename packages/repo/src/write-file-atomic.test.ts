import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from './test-temp-dir.js';
import { writeFileAtomic } from './write-file-atomic.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one, leaving no temp file', async () => {
    const path = join(dir, 'a.yaml');
    await writeFileAtomic({ path, contents: 'first\n' });
    await writeFileAtomic({ path, contents: 'second\n' });
    expect(await readFile(path, 'utf8')).toBe('second\n');
    expect(await readdir(dir)).toEqual(['a.yaml']);
  });

  it('writes bytes as given', async () => {
    const path = join(dir, 'b.bin');
    await writeFileAtomic({ path, contents: new Uint8Array([0, 255, 10]) });
    expect([...(await readFile(path))]).toEqual([0, 255, 10]);
  });

  it('leaves what was there and no temp file when the rename fails', async () => {
    // A non-empty directory in the way makes the final rename fail (even as root).
    const path = join(dir, 'a.yaml');
    await mkdir(path);
    await writeFile(join(path, 'keep.txt'), 'kept\n');
    await expect(writeFileAtomic({ path, contents: 'new\n' })).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['a.yaml']);
    expect(await readFile(join(path, 'keep.txt'), 'utf8')).toBe('kept\n');
  });
});
