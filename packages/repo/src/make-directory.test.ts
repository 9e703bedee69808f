import { mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDirectory } from './make-directory.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-make-directory-'));
  dirs.push(dir);
  return dir;
}

describe('makeDirectory', () => {
  it('makes a directory and its missing parents, and leaves one that exists', () => {
    const dir = tempDir();
    makeDirectory(join(dir, 'a/b/c'));
    expect(statSync(join(dir, 'a/b/c')).isDirectory()).toBe(true);
    makeDirectory(join(dir, 'a/b/c'));
    makeDirectory(dir);
  });

  it('fails at once under /proc, where Node’s recursive mkdir never returns', () => {
    expect(() => makeDirectory('/proc/briefing-nowhere/out')).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
  });

  it('fails where a file or a dangling link stands in the way', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    expect(() => makeDirectory(join(dir, 'file/sub'))).toThrow(
      expect.objectContaining({ code: 'ENOTDIR' }),
    );
    expect(() => makeDirectory(join(dir, 'file'))).toThrow(
      expect.objectContaining({ code: 'EEXIST' }),
    );
    symlinkSync(join(dir, 'gone'), join(dir, 'dangling'));
    expect(() => makeDirectory(join(dir, 'dangling/out'))).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
  });
});
