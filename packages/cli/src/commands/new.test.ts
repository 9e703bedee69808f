import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBriefingYaml } from '@briefing/schema/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEW_OPTIONS } from './new.js';
import { makeRepo, removeTempDirs, runNew, runCaptured } from './test-support.js';

const FLAGS = [
  '--title',
  'Lavrov visits Pyongyang',
  '--type',
  'visit',
  '--start',
  '2023-10-18',
  '--end',
  '2023-10-19',
  '--theme',
  'diplomacy',
  '--actor',
  'Sergei Lavrov|RUS|visitor|Minister of Foreign Affairs',
  '--actor',
  'Choe Son Hui|PRK|host',
  '--place',
  'Pyongyang|PRK|39.0392|125.7625',
  '--source-url',
  'https://example.org/lavrov',
  '--source-publisher',
  'Example Wire',
  '--source-title',
  'Lavrov arrives in Pyongyang',
  '--summary',
  'Foreign Minister Sergei Lavrov visited Pyongyang and held talks with Choe Son Hui.',
];

let repo: string;
beforeEach(async () => {
  repo = await makeRepo();
});
afterEach(removeTempDirs);

async function readRecord(file: string) {
  const { record, problems } = parseBriefingYaml({ text: await readFile(file, 'utf8'), file });
  expect(problems).toEqual([]);
  return record!;
}

describe('briefing new', () => {
  it('writes a valid record from flags to seeds/briefings/<id>.yaml', async () => {
    const result = await runCaptured(runNew, { argv: FLAGS, cwd: repo });
    expect(result).toMatchObject({
      code: 0,
      stdout: ['wrote seeds/briefings/lavrov-choe-pyongyang-2023-10.yaml'],
    });
    const record = await readRecord(
      join(repo, 'seeds', 'briefings', 'lavrov-choe-pyongyang-2023-10.yaml'),
    );
    expect(record).toMatchObject({
      status: 'occurred',
      date: { start: '2023-10-18', end: '2023-10-19', precision: 'day' },
      actors: [
        {
          name: 'Sergei Lavrov',
          country: 'RUS',
          role: 'visitor',
          office: 'Minister of Foreign Affairs',
        },
        { name: 'Choe Son Hui', country: 'PRK', role: 'host' },
      ],
      places: [{ name: 'Pyongyang', country: 'PRK', lat: 39.0392, lon: 125.7625 }],
      revision: {
        created: '2026-11-27',
        changes: [{ date: '2026-11-27', note: 'Created with briefing new' }],
      },
    });
  });

  it('refuses to overwrite an existing record', async () => {
    const file = join(repo, 'seeds', 'briefings', 'lavrov-pyongyang-2023-10.yaml');
    await runCaptured(runNew, { argv: [...FLAGS, '--id', 'lavrov-pyongyang-2023-10'], cwd: repo });
    await writeFile(file, 'kept\n');
    const again = await runCaptured(runNew, {
      argv: [...FLAGS, '--id', 'lavrov-pyongyang-2023-10'],
      cwd: repo,
    });
    expect(again).toMatchObject({
      code: 1,
      stderr: [
        'briefing new: seeds/briefings/lavrov-pyongyang-2023-10.yaml already exists; choose another --id or edit that file',
      ],
    });
    expect(await readFile(file, 'utf8')).toBe('kept\n');
  });

  it('reads YYYY-MM as the whole month at month precision', async () => {
    const argv = [
      ...FLAGS.slice(0, 4),
      ...FLAGS.slice(8),
      '--start',
      '2023-09',
      '--out',
      'out',
      '--id',
      'kim-trip',
    ];
    const result = await runCaptured(runNew, { argv, cwd: repo });
    expect(result.code).toBe(0);
    expect((await readRecord(join(repo, 'out', 'kim-trip.yaml'))).date).toEqual({
      start: '2023-09-01',
      end: '2023-09-30',
      precision: 'month',
    });
  });

  it('lists each invalid field and writes nothing', async () => {
    const argv = [
      ...FLAGS,
      '--type',
      'party',
      '--theme',
      'sport',
      '--source-url',
      'javascript:alert(1)',
      '--out',
      'out',
    ];
    const result = await runCaptured(runNew, { argv, cwd: repo });
    expect(result.code).toBe(1);
    const errors = result.stderr.join('\n');
    expect(errors).toMatch(/type: .*"party"/);
    expect(errors).toMatch(/themes\[1\]: .*"sport"/);
    expect(errors).toMatch(
      /sources\[0\]\.url: expected an http\(s\) URL, got "javascript:alert\(1\)"/,
    );
    expect(result.stderr.at(-1)).toBe('briefing new: 3 problems; nothing written');
    expect(existsSync(join(repo, 'out'))).toBe(false);
  });

  it('rejects an --actor that is not "Name|RUS|role|office"', async () => {
    const result = await runCaptured(runNew, {
      argv: [...FLAGS, '--actor', 'Kim Jong Un'],
      cwd: repo,
    });
    expect(result.code).toBe(1);
    expect(result.stderr[0]).toBe('--actor #3: expected "Name|RUS|role|office", got "Kim Jong Un"');
  });

  it('exits 2 naming the missing flags when not on a terminal', async () => {
    const result = await runCaptured(runNew, { argv: ['--title', 'x'], cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toBe(
      'briefing new: missing --type, --start, --theme, --actor, --source-url, --source-publisher, --source-title, --summary (or run it on a terminal to be asked) (see briefing new --help)',
    );
  });

  it('asks for the missing fields on a terminal', async () => {
    const answers = [
      'visit',
      '2024-09-13',
      'defense',
      'Sergei Shoigu|RUS|visitor|Secretary of the Security Council',
      'Kim Jong Un|PRK|host',
      '',
      'Pyongyang|PRK',
      '',
      'https://example.org/shoigu',
      'Example Wire',
      'Shoigu meets Kim in Pyongyang',
      'Sergei Shoigu visited Pyongyang and met Kim Jong Un.',
    ];
    const result = await runCaptured(runNew, {
      argv: ['--title', 'Shoigu visits Pyongyang', '--out', 'out'],
      cwd: repo,
      stdin: answers,
      stdinIsTty: true,
    });
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toMatch(/^Type \(summit, visit/);
    const record = await readRecord(join(repo, 'out', 'shoigu-kim-pyongyang-2024-09.yaml'));
    expect(record).toMatchObject({
      title: 'Shoigu visits Pyongyang',
      type: 'visit',
      themes: ['defense'],
      places: [{ name: 'Pyongyang', country: 'PRK' }],
      actors: [{ name: 'Sergei Shoigu' }, { name: 'Kim Jong Un', role: 'host' }],
    });
  });

  it('describes every flag in --help', async () => {
    const result = await runCaptured(runNew, { argv: ['--help'], cwd: repo });
    const help = result.stdout.join('\n');
    for (const flag of Object.keys(NEW_OPTIONS)) expect(help).toContain(`--${flag}`);
    expect(help).toContain('Exit codes:');
  });
});
