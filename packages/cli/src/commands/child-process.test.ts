import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, removeTempDirs } from './test-support.js';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../cli.ts', import.meta.url));

/** Runs the commands in a real Node process, as the CLI does; resolves even on a non-zero exit. */
async function spawn(argv: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', '--conditions=briefing-source', bin, ...argv],
      { cwd: packageDir, env: { ...process.env, BRIEFING_CWD: '', INIT_CWD: cwd } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the commands in a child process', () => {
  afterEach(removeTempDirs);

  it('extracts the founding document end to end, then skips on a second run', async () => {
    const repo = await makeRepo();
    const argv = [
      'extract',
      'seeds/documents/000_de4160cc50d9890e.txt',
      '--reference-date',
      '2023-10-16',
    ];
    const first = await spawn(argv, repo);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(await readdir(join(repo, 'seeds', 'briefings', 'drafts'))).toHaveLength(3);
    const second = await spawn(argv, repo);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 drafts written, 3 skipped/);
  }, 120_000);

  it('exits 1 on a binary file with one line and no stack trace', async () => {
    const repo = await makeRepo();
    await writeFile(join(repo, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]));
    const result = await spawn(
      ['extract', 'photo.jpg', '--source-url', 'https://example.org/p'],
      repo,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'briefing extract: photo.jpg: a binary file (it contains NUL bytes), expected text, Markdown or HTML\n',
    );
  }, 120_000);

  it('exits 2 on a usage error', async () => {
    const repo = await makeRepo();
    const result = await spawn(['new', '--colour', 'red'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^briefing new: Unknown option '--colour'/);
  }, 120_000);
});
