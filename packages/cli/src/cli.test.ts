import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { briefingToYaml } from '@briefing/schema/node';
import { makeBriefing, makeTempDir, writeFiles } from '@briefing/schema/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = join(PACKAGE_DIR, 'src', 'cli.ts');

/** Runs the real CLI in a child process, as pnpm does: cwd is the package, INIT_CWD the user's directory. */
async function briefing(args: string[], { cwd }: { cwd: string }) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', '--conditions=briefing-source', CLI, ...args],
      {
        cwd: PACKAGE_DIR,
        env: { ...process.env, INIT_CWD: cwd },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let root: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir: root, remove } = await makeTempDir());
  await mkdir(join(root, 'seeds', 'briefings'), { recursive: true });
});
afterEach(() => remove());

const recordsDir = () => join(root, 'seeds', 'briefings');
const yamlOf = (id: string) => briefingToYaml(makeBriefing({ id }));

describe('briefing validate (child process)', { timeout: 30_000 }, () => {
  it('prints a summary and exits 0 when every record is valid, reading seeds/briefings by default', async () => {
    await writeFiles({
      dir: recordsDir(),
      files: { 'a.yaml': yamlOf('a'), 'b.yaml': yamlOf('b') },
    });
    const result = await briefing(['validate'], { cwd: root });
    expect(result).toEqual({ code: 0, stdout: '2 records valid\n', stderr: '' });
  });

  it('prints every problem with file and line, a summary, exits 1 and never a stack trace', async () => {
    await writeFiles({
      dir: recordsDir(),
      files: {
        'a.yaml': yamlOf('a').replace(
          'https://mid.ru/en/foreign_policy/news/',
          'javascript:alert(1)',
        ),
        'b.yaml': 'id: b\ntitle: "unterminated\n',
        'c.yaml': yamlOf('c')
          .replace('type: visit', 'type: meeting')
          .replace('role: host', 'role: hots'),
        'd.yaml': Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a]),
        'e.yaml': '',
      },
    });
    const result = await briefing(['validate', 'seeds/briefings'], { cwd: root });
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^seeds\/briefings\/a\.yaml:\d+ {2}sources\[0\]\.url: expected an http\(s\) URL, got "javascript:alert\(1\)"$/,
      ),
      expect.stringMatching(/^seeds\/briefings\/b\.yaml:2 {2}invalid YAML: /),
      expect.stringMatching(
        /^seeds\/briefings\/c\.yaml:5 {2}type: expected one of .*, got "meeting"$/,
      ),
      expect.stringMatching(
        /^seeds\/briefings\/c\.yaml:\d+ {2}actors\[1\]\.role: expected one of .*, got "hots"$/,
      ),
      'seeds/briefings/d.yaml:1  not UTF-8: invalid byte 0xff at byte 4; save the file as UTF-8',
      'seeds/briefings/e.yaml:1  empty file: expected a briefing record (a YAML mapping of fields)',
    ]);
    expect(result.stderr).toBe('6 problems in 5 files\n');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('passes the seed records under --strict: every citation is an article', async () => {
    const result = await briefing(['validate', '--strict', 'seeds/briefings'], { cwd: REPO_ROOT });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\d+ records valid\n$/);
    expect(result.code).toBe(0);
  });

  it('warns of a source URL that is a home page, and fails on it under --strict', async () => {
    await writeFiles({
      dir: recordsDir(),
      files: {
        'a.yaml': yamlOf('a').replace('https://mid.ru/en/foreign_policy/news/', 'https://tass.com'),
      },
    });
    const warning =
      /^seeds\/briefings\/a\.yaml:\d+ {2}sources\[0\]\.url: expected the URL of the article itself, got a site's home page "https:\/\/tass\.com": cite the full URL/;

    const lenient = await briefing(['validate'], { cwd: root });
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toBe('1 record valid, 1 warning\n');
    expect(lenient.stderr.replace(/^warning: /, '')).toMatch(warning);

    const strict = await briefing(['validate', '--strict'], { cwd: root });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(warning);
    expect(strict.stderr).toBe('1 problem in 1 file\n');
  });

  it('resolves a relative directory against INIT_CWD and prints paths relative to it', async () => {
    await writeFiles({ dir: recordsDir(), files: { 'x.yaml': yamlOf('y') } });
    const result = await briefing(['validate', 'briefings'], { cwd: join(root, 'seeds') });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^briefings\/x\.yaml:1 {2}id: expected the id to match the file name "x"/,
    );
  });

  it('run as `pnpm briefing` from a subdirectory, reads paths from that subdirectory', async () => {
    const { stdout } = await run('pnpm', ['briefing', 'validate', 'briefings'], {
      cwd: join(REPO_ROOT, 'seeds'),
      env: shellEnv(),
    });
    expect(stdout).toMatch(/^\d+ records valid$/m);
  }, 30_000);

  it('exits 1 with one line for a directory that does not exist', async () => {
    const result = await briefing(['validate', 'nowhere'], { cwd: root });
    expect(result).toEqual({
      code: 1,
      stdout: 'nowhere  cannot read the directory: no such file or directory\n',
      stderr: '1 problem in 1 file\n',
    });
  });

  it('exits 1 for a directory with no records, instead of calling nothing valid', async () => {
    const result = await briefing(['validate'], { cwd: root });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'no *.yaml records found in seeds/briefings\n',
    });
  });

  it.each([
    [['validate', '--bogus'], /^briefing validate: Unknown option '--bogus'/],
    [['validate', 'a', 'b'], /^briefing validate: validate takes one directory, got 2: a b/],
    [['frobnicate'], /^briefing: unknown command "frobnicate"; expected one of: validate/],
    [[], /^Usage: briefing <command>/],
  ])('exits 2 for the usage error %j', async (args, message) => {
    const result = await briefing(args, { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('describes every flag in --help', async () => {
    const result = await briefing(['validate', '--help'], { cwd: root });
    expect(result.code).toBe(0);
    for (const flag of ['--root <dir>', '-q, --quiet', '-h, --help'])
      expect(result.stdout).toContain(flag);
  });

  it('runs from the repository root as `pnpm briefing validate seeds/briefings`', async () => {
    const { stdout } = await run('pnpm', ['briefing', 'validate', 'seeds/briefings'], {
      cwd: REPO_ROOT,
      env: shellEnv(),
    });
    expect(stdout).toMatch(/^\d+ records valid$/m);
  });
});

describe('briefing extract and new (child process)', { timeout: 60_000 }, () => {
  it('lists every command in --help', async () => {
    const result = await briefing(['--help'], { cwd: root });
    expect(result.code).toBe(0);
    for (const command of ['validate', 'extract', 'new']) expect(result.stdout).toContain(command);
  });

  it('drafts an article given with its source url into the chosen directory', async () => {
    const out = join(root, 'drafts');
    const result = await briefing(
      [
        'extract',
        join(REPO_ROOT, 'seeds/documents/000_de4160cc50d9890e.txt'),
        '--reference-date',
        '2023-10-16',
        '--source-url',
        'https://example.org/founding-brief',
        '--out',
        out,
      ],
      { cwd: root },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('lavrov-pyongyang-2023-10.yaml');
    const validated = await briefing(['validate', out], { cwd: root });
    expect(validated).toMatchObject({ code: 0, stdout: '3 records valid\n' });
  });

  it('refuses a new record without its required flags when not on a terminal', async () => {
    const result = await briefing(['new', '--id', 'x'], { cwd: root });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/briefing new: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

/** The environment of a shell, not of the pnpm script running these tests. */
function shellEnv(): NodeJS.ProcessEnv {
  const { INIT_CWD: _init, BRIEFING_CWD: _cwd, ...env } = process.env;
  return env;
}

describe('pnpm briefing from the repository (child process)', { timeout: 60_000 }, () => {
  // pnpm runs the workspace's `briefing` bin directly: no script banner, no ELIFECYCLE line.
  const pnpm = async (args: string[]) => {
    try {
      const { stdout, stderr } = await run('pnpm', args, { cwd: REPO_ROOT, env: shellEnv() });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('prints only the command output and keeps its exit codes', async () => {
    const ok = await pnpm(['briefing', 'validate', 'seeds/briefings']);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toMatch(/^\d+ records valid\n$/);
    const failed = await pnpm(['briefing', 'validate', join(root, 'missing')]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe(
      `${join(root, 'missing')}  cannot read the directory: no such file or directory\n`,
    );
    expect(failed.stderr).toBe('1 problem in 1 file\n');
    const usage = await pnpm(['briefing', 'frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stdout + usage.stderr).not.toMatch(/ELIFECYCLE|^> /m);
  });
});
