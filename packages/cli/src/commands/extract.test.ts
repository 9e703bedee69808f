import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBriefingYaml } from '@briefing/schema/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXTRACT_OPTIONS } from './extract.js';
import { makeRepo, removeTempDirs, runExtract, runCaptured } from './test-support.js';

const DOC = 'seeds/documents/000_de4160cc50d9890e.txt';
const DRAFTS = [
  'kim-primorsky-oceanarium-2023-09.yaml',
  'kim-putin-vostochny-2023-09.yaml',
  'lavrov-pyongyang-2023-10.yaml',
];

let repo: string;
beforeEach(async () => {
  repo = await makeRepo();
});
afterEach(removeTempDirs);

describe('briefing extract', () => {
  it('writes valid drafts to seeds/briefings/drafts in the repository, from any subdirectory', async () => {
    const sub = join(repo, 'notes');
    await mkdir(sub);
    const result = await runCaptured(runExtract, {
      argv: [`../${DOC}`, '--reference-date', '2023-10-16'],
      cwd: sub,
    });
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    const dir = join(repo, 'seeds', 'briefings', 'drafts');
    expect((await readdir(dir)).sort()).toEqual(DRAFTS);
    for (const file of DRAFTS) {
      const { record, problems } = parseBriefingYaml({
        text: await readFile(join(dir, file), 'utf8'),
        file,
      });
      expect(problems).toEqual([]);
      expect(record?.sources[0]?.document).toBe(DOC);
    }
    expect(result.stdout).toContain(
      'wrote ../seeds/briefings/drafts/lavrov-pyongyang-2023-10.yaml: Sergei Lavrov visits Pyongyang (18–19 Oct 2023, announced)',
    );
    expect(result.stdout.at(-1)).toBe(
      '3 drafts written, 0 skipped (reference date 2023-10-16, --reference-date)',
    );
  });

  it('skips drafts that already exist on a second run, leaving them untouched', async () => {
    const argv = [DOC, '--reference-date', '2023-10-16', '--out', 'out'];
    await runCaptured(runExtract, { argv, cwd: repo });
    const file = join(repo, 'out', 'lavrov-pyongyang-2023-10.yaml');
    const edited = (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: Edited by hand');
    await writeFile(file, edited);
    const second = await runCaptured(runExtract, { argv, cwd: repo });
    expect(second.code).toBe(0);
    expect(second.stdout.filter((line) => line.startsWith('skipped'))).toHaveLength(3);
    expect(second.stdout).toContain(
      'skipped out/lavrov-pyongyang-2023-10.yaml: already drafted from this source (Sergei Lavrov visits Pyongyang (18–19 Oct 2023, announced))',
    );
    expect(second.stdout.at(-1)).toMatch(/^0 drafts written, 3 skipped/);
    expect(await readFile(file, 'utf8')).toBe(edited);
    expect((await readdir(join(repo, 'out'))).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('writes a draft of another article under the next free id, not losing it to a same-named file', async () => {
    const call = (day: string, url: string) =>
      runCaptured(runExtract, {
        argv: ['-', '--source-url', url, '--reference-date', '2024-08-22', '--out', 'out'],
        cwd: repo,
        stdin: `Russian Foreign Minister Sergei Lavrov and DPRK Foreign Minister Choe Son Hui spoke by phone on ${day} August 2024 to discuss the Korean peninsula.\n`,
      });
    const first = await call('7', 'https://example.org/first-call');
    const second = await call('20', 'https://example.org/second-call');
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const names = await readdir(join(repo, 'out'));
    expect(names.sort()).toEqual(['lavrov-choe-2024-08-2.yaml', 'lavrov-choe-2024-08.yaml']);
    const text = (name: string) => readFile(join(repo, 'out', name), 'utf8');
    expect(await text('lavrov-choe-2024-08.yaml')).toContain('https://example.org/first-call');
    const later = await text('lavrov-choe-2024-08-2.yaml');
    expect(later).toContain('https://example.org/second-call');
    expect(later).toContain('id: lavrov-choe-2024-08-2\n');
    expect(second.stderr.join('\n')).toContain('holds a draft from another source');
  });

  it("cites the article's own canonical URL when no --source-url is given", async () => {
    const result = await runCaptured(runExtract, {
      argv: ['-', '--format', 'html', '--out', 'out'],
      cwd: repo,
      stdin:
        '<html><head><link rel="canonical" href="https://example.org/news/lavrov"><meta property="article:published_time" content="2023-10-20"></head><body><article><p>Sergei Lavrov visited Pyongyang on 18 October 2023.</p></article></body></html>',
    });
    expect(result.code).toBe(0);
    const [name] = await readdir(join(repo, 'out'));
    const { record } = parseBriefingYaml({
      text: await readFile(join(repo, 'out', name!), 'utf8'),
    });
    expect(record?.sources[0]?.url).toBe('https://example.org/news/lavrov');
    expect(record?.sources[0]?.note).toContain("URL from the article's metadata");
  });

  it('reads standard input with --format and --source-url', async () => {
    const result = await runCaptured(runExtract, {
      argv: ['-', '--format', 'markdown', '--source-url', 'https://example.org/a', '--out', 'out'],
      cwd: repo,
      stdin:
        '---\ndate: 2024-09-18\npublisher: Example\n---\n\nSergei Lavrov held talks with **Choe Son Hui** in Moscow on 17 September.\n',
    });
    expect(result.code).toBe(0);
    const text = await readFile(join(repo, 'out', 'lavrov-choe-moscow-2024-09.yaml'), 'utf8');
    expect(text).toContain('url: https://example.org/a');
    expect(text).toContain('publisher: Example');
    expect(text).toMatch(/start: '?2024-09-17'?\n/);
  });

  const badInputs: { name: string; contents: string | Buffer; message: RegExp }[] = [
    {
      name: 'an empty file',
      contents: '',
      message: /^briefing extract: article\.txt: the article is empty$/,
    },
    { name: 'a file of blank lines', contents: '\n  \n\t\n', message: /the article is empty$/ },
    {
      name: 'a binary file',
      contents: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      message: /^briefing extract: article\.txt: a binary file \(it contains NUL bytes\)/,
    },
    {
      name: 'a file that is not UTF-8',
      contents: Buffer.from('Lavrov visited P\xf6ngyang', 'latin1'),
      message: /article\.txt: not valid UTF-8 text/,
    },
    {
      name: 'a file over 1 MiB',
      contents: 'Sergei Lavrov visited Pyongyang on 18 October 2023. '.repeat(21_000),
      message: /article\.txt: the article is 1\.\d MiB, over the 1\.0 MiB limit/,
    },
    {
      name: 'an article with no engagement',
      contents: 'Published: 2 May 2024\n\nRice prices rose across the country this spring.\n',
      message: /^briefing extract: no engagement found/,
    },
    {
      name: 'an article with no date',
      contents: 'Sergei Shoigu visited Pyongyang and met Kim Jong Un.\n',
      message: /^briefing extract: no date for any of the 1 engagements found/,
    },
    {
      name: 'days without a year and no article date',
      contents: 'In September, Sergei Shoigu visited Pyongyang.\n',
      message: /no date of its own; pass --reference-date YYYY-MM-DD$/,
    },
  ];

  for (const { name, contents, message } of badInputs) {
    it(`exits 1 for ${name}, with one line and no file written`, async () => {
      await writeFile(join(repo, 'article.txt'), contents);
      const result = await runCaptured(runExtract, {
        argv: ['article.txt', '--source-url', 'https://example.org/a', '--out', 'out'],
        cwd: repo,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toHaveLength(1);
      expect(result.stderr[0]).toMatch(message);
      expect(result.stderr[0]).not.toMatch(/\n|\bat \w+ \(/);
      expect(existsSync(join(repo, 'out'))).toBe(false);
    });
  }

  it('exits 1 for a file that does not exist', async () => {
    const result = await runCaptured(runExtract, {
      argv: ['missing.txt'],
      cwd: repo,
    });
    expect(result).toMatchObject({
      code: 1,
      stderr: ['briefing extract: missing.txt: cannot read the article: no such file'],
    });
  });

  const usage: { name: string; argv: string[]; message: RegExp; stdin?: string }[] = [
    { name: 'no article', argv: [], message: /expected the article to read/ },
    {
      name: 'two articles',
      argv: ['a.txt', 'b.txt'],
      message: /expected one article, got 2: a\.txt b\.txt/,
    },
    { name: 'an unknown flag', argv: [DOC, '--outdir', 'x'], message: /Unknown option '--outdir'/ },
    {
      name: 'an unknown format',
      argv: [DOC, '--format', 'pdf'],
      message: /--format: expected text, markdown or html, got "pdf"/,
    },
    {
      name: 'a malformed reference date',
      argv: [DOC, '--reference-date', '16/10/2023'],
      message: /--reference-date: expected YYYY-MM-DD/,
    },
    {
      name: 'a reference date that does not exist',
      argv: [DOC, '--reference-date', '2024-02-30'],
      message: /--reference-date: expected YYYY-MM-DD, got "2024-02-30"/,
    },
    {
      name: 'a javascript: source URL',
      argv: [DOC, '--source-url', 'javascript:alert(1)'],
      message: /--source-url: expected an http\(s\) URL/,
    },
    {
      name: 'a file outside seeds/documents without --source-url',
      argv: ['article.txt'],
      message: /--source-url is required: .* article\.txt is not kept under seeds\/documents\//,
    },
    {
      name: 'standard input without --source-url',
      argv: ['-'],
      stdin: 'Sergei Lavrov visited Pyongyang on 18 October 2023.\n',
      message: /standard input is not kept under seeds\/documents\/ and gives no URL of its own/,
    },
  ];

  for (const { name, argv, message, stdin } of usage) {
    it(`exits 2 for ${name}`, async () => {
      await writeFile(
        join(repo, 'article.txt'),
        'Sergei Lavrov visited Pyongyang on 18 October 2023.\n',
      );
      const result = await runCaptured(runExtract, {
        argv,
        cwd: repo,
        ...(stdin !== undefined && { stdin }),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toHaveLength(1);
      expect(result.stderr[0]).toMatch(message);
      expect(result.stderr[0]).toMatch(/\(see briefing extract --help\)$/);
    });
  }

  it('describes every flag and the exit codes in --help', async () => {
    const result = await runCaptured(runExtract, { argv: ['--help'], cwd: repo });
    expect(result.code).toBe(0);
    const help = result.stdout.join('\n');
    for (const flag of Object.keys(EXTRACT_OPTIONS)) expect(help).toContain(`--${flag}`);
    expect(help).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  });
});
