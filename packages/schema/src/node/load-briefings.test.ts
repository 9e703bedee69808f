import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../problem.js';
import { makeBriefing } from '../test-support/fixtures.js';
import { makeTempDir, writeFiles } from '../test-support/temp-dir.js';
import type { Briefing } from '../briefing.js';
import { checkBriefingFile, loadBriefings } from './load-briefings.js';
import { briefingToYaml } from './write-yaml.js';

let root: string;
let remove: () => Promise<void>;
let dir: string;

beforeEach(async () => {
  ({ dir: root, remove } = await makeTempDir());
  dir = join(root, 'seeds', 'briefings');
  await mkdir(dir, { recursive: true });
  await mkdir(join(root, 'seeds', 'documents'));
  await writeFile(join(root, 'seeds', 'documents', 'brief.txt'), 'The founding brief.');
});
afterEach(() => remove());

const record = (id: string, overrides: Partial<Briefing> = {}) =>
  makeBriefing({ id, ...overrides });
const yamlOf = (id: string, overrides: Partial<Briefing> = {}) =>
  briefingToYaml(record(id, overrides));
const lineOf = (text: string, match: string) =>
  text.split('\n').findIndex((line) => line.includes(match)) + 1;

/** Problems as the CLI prints them, with files relative to the records directory. */
async function load(options: Partial<Parameters<typeof loadBriefings>[0]> = {}) {
  const result = await loadBriefings({ dir: 'briefings', cwd: join(root, 'seeds'), ...options });
  return { ...result, lines: result.problems.map(formatProblem) };
}

describe('loadBriefings', () => {
  it('loads every record, sorted by id, with no problems', async () => {
    await writeFiles({
      dir,
      files: { 'b-visit.yaml': yamlOf('b-visit'), 'a-call.yaml': yamlOf('a-call') },
    });
    const { records, problems } = await load();
    expect(problems).toEqual([]);
    expect(records.map((r) => r.id)).toEqual(['a-call', 'b-visit']);
    expect(records[0]).toEqual(record('a-call'));
  });

  it('reports every bad input of the issue, each on one line with file and line, in one run', async () => {
    const javascriptUrl = yamlOf('bad-url').replace(
      'https://mid.ru/en/foreign_policy/news/',
      'javascript:alert(1)',
    );
    const dataUrl = yamlOf('data-url').replace(
      'https://mid.ru/en/foreign_policy/news/',
      '"data:text/html,x"',
    );
    const endBeforeStart = yamlOf('end-before-start').replace(
      "end: '2023-10-19'",
      "end: '2023-10-01'",
    );
    const typo = yamlOf('typo').replace('summary:', 'sumary:');
    const wrongType = yamlOf('wrong-type').replace('lat: 39.0392', 'lat: [1, 2]');
    const malformed = 'id: malformed\ntitle: "unterminated\n';
    const dangling = yamlOf('dangling', {
      related: [{ id: 'no-such-record', relation: 'follows' }],
    });
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: [${Array(10).fill('*b').join(', ')}]\n`;
    const latin1 = Buffer.concat([
      Buffer.from('id: latin\ntitle: Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    await writeFiles({
      dir,
      files: {
        'valid.yaml': yamlOf('valid'),
        'bad-url.yaml': javascriptUrl,
        'data-url.yaml': dataUrl,
        'end-before-start.yaml': endBeforeStart,
        'typo.yaml': typo,
        'wrong-type.yaml': wrongType,
        'malformed.yaml': malformed,
        'dangling.yaml': dangling,
        'duplicate.yaml': yamlOf('valid'),
        'empty.yaml': '',
        'latin1.yaml': latin1,
        'huge.yaml': `id: huge\nsummary: "${'x'.repeat(300 * 1024)}"\n`,
        'bomb.yaml': bomb,
        'custom-tag.yaml': 'id: !!js/function "function () {}"\n',
      },
    });
    const { records, lines } = await load();
    const f = (name: string) => join('briefings', name);
    expect(lines).toEqual([
      `${f('bad-url.yaml')}:${lineOf(javascriptUrl, 'url:')}  sources[0].url: expected an http(s) URL, got "javascript:alert(1)"`,
      `${f('bomb.yaml')}:2  too many alias expansions (more than 100): refusing a possible alias bomb`,
      `${f('custom-tag.yaml')}:1  invalid YAML: Unresolved tag: tag:yaml.org,2002:js/function`,
      `${f('dangling.yaml')}:${lineOf(dangling, '- id: no-such-record')}  related[0].id: expected the id of an existing record, got "no-such-record" (no such record)`,
      `${f('data-url.yaml')}:${lineOf(dataUrl, 'url:')}  sources[0].url: expected an http(s) URL, got "data:text/html,x"`,
      `${f('duplicate.yaml')}:1  id: duplicate id "valid", already used in ${f('valid.yaml')}:1`,
      `${f('duplicate.yaml')}:1  id: expected the id to match the file name "duplicate", got "valid" (rename the file to valid.yaml)`,
      `${f('empty.yaml')}:1  empty file: expected a briefing record (a YAML mapping of fields)`,
      `${f('end-before-start.yaml')}:${lineOf(endBeforeStart, 'end:')}  date.end: expected an end on or after the start 2023-10-18, got 2023-10-01`,
      `${f('huge.yaml')}:1  file too large: 307221 bytes, expected at most 262144 bytes (256 KiB) per record`,
      `${f('latin1.yaml')}:2  not UTF-8: invalid byte 0xe9 at byte 20; save the file as UTF-8`,
      `${f('malformed.yaml')}:2  invalid YAML: Missing closing "quote`,
      `${f('typo.yaml')}:${lineOf(typo, 'sumary:')}  sumary: unknown field "sumary" (did you mean "summary"?)`,
      `${f('wrong-type.yaml')}:${lineOf(wrongType, 'lat:')}  places[0].lat: expected a number, got a list`,
    ]);
    expect(records.map((r) => r.id)).toEqual(['dangling', 'valid', 'valid']);
  });

  it('names both files of a duplicate id', async () => {
    await writeFiles({ dir, files: { 'x.yaml': yamlOf('x'), 'y.yaml': yamlOf('x') } });
    const { lines } = await load();
    expect(lines).toContain(
      `${join('briefings', 'y.yaml')}:1  id: duplicate id "x", already used in ${join('briefings', 'x.yaml')}:1`,
    );
  });

  it('refuses a record related to itself', async () => {
    await writeFiles({
      dir,
      files: { 'self.yaml': yamlOf('self', { related: [{ id: 'self', relation: 'follows' }] }) },
    });
    const { lines } = await load();
    expect(lines).toEqual([
      expect.stringContaining('related[0].id: a record cannot relate to itself ("self")'),
    ]);
  });

  it('checks that document sources exist under the repository root', async () => {
    const cites = (document: string) => ({
      sources: [{ publisher: 'Briefing', title: 'Brief', document }],
    });
    const missing = yamlOf('missing-doc', cites('seeds/documents/nope.txt'));
    await writeFiles({
      dir,
      files: {
        'kept-doc.yaml': yamlOf('kept-doc', cites('seeds/documents/brief.txt')),
        'missing-doc.yaml': missing,
      },
    });
    const { lines, documents } = await load();
    expect(lines).toEqual([
      `${join('briefings', 'missing-doc.yaml')}:${lineOf(missing, 'document:')}  sources[0].document: expected an existing file, got "seeds/documents/nope.txt" (not found under ${root})`,
    ]);
    // Where each cited document that exists is, for a server that shows it.
    expect(documents).toEqual(
      new Map([['seeds/documents/brief.txt', join(root, 'seeds', 'documents', 'brief.txt')]]),
    );
    // With an explicit root elsewhere, the kept document is missing too.
    expect((await load({ root: dir })).lines).toHaveLength(2);
  });

  it('skips subdirectories and other files, and flags .yml files it will not load', async () => {
    await mkdir(join(dir, 'drafts'));
    await writeFiles({
      dir,
      files: {
        'a.yaml': yamlOf('a'),
        'README.md': '# records',
        'b.yml': yamlOf('b'),
        'drafts/c.yaml': 'broken: [',
      },
    });
    const { records, lines } = await load();
    expect(records.map((r) => r.id)).toEqual(['a']);
    expect(lines).toEqual([
      `${join('briefings', 'b.yml')}:1  not loaded: record files must end in .yaml`,
    ]);
  });

  it('follows symbolic links to record files', async () => {
    await writeFile(join(root, 'linked.yaml'), yamlOf('linked'));
    await symlink(join(root, 'linked.yaml'), join(dir, 'linked.yaml'));
    expect((await load()).records.map((r) => r.id)).toEqual(['linked']);
  });

  it('reports a missing directory as a problem, not an exception', async () => {
    const { records, lines } = await load({ dir: 'nowhere' });
    expect(records).toEqual([]);
    expect(lines).toEqual(['nowhere  cannot read the directory: no such file or directory']);
  });

  it('honours a smaller size cap', async () => {
    await writeFiles({ dir, files: { 'a.yaml': yamlOf('a') } });
    const { lines } = await load({ maxBytes: 100 });
    expect(lines).toEqual([
      expect.stringMatching(/a\.yaml:1 {2}file too large: \d+ bytes, expected at most 100 bytes/),
    ]);
  });

  it('loads a byte-order mark at the start of a UTF-8 file', async () => {
    await writeFiles({ dir, files: { 'bom.yaml': `\uFEFF${yamlOf('bom')}` } });
    expect((await load()).problems).toEqual([]);
  });
});

describe('checkBriefingFile', () => {
  it('checks one file as loadBriefings does, naming the id that does not match the file', () => {
    const text = yamlOf('a');
    const result = checkBriefingFile({
      bytes: Buffer.from(text),
      file: 'seeds/briefings/b.yaml',
      name: 'b.yaml',
    });
    expect(result.record?.id).toBe('a');
    expect(result.problems.map(formatProblem)).toEqual([
      `seeds/briefings/b.yaml:${lineOf(text, 'id:')}  id: expected the id to match the file name "b", got "a" (rename the file to a.yaml)`,
    ]);
  });

  it('refuses a file whose size is over the cap, even when given only its first bytes', () => {
    const result = checkBriefingFile({
      bytes: Buffer.from('id: a\n'),
      size: 5000,
      maxBytes: 1000,
      file: 'a.yaml',
      name: 'a.yaml',
    });
    expect(result.record).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      'a.yaml:1  file too large: 5000 bytes, expected at most 1000 bytes per record',
    ]);
  });
});
