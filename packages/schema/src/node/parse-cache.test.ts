import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBriefing } from '../test-support/fixtures.js';
import { makeTempDir, writeFiles } from '../test-support/temp-dir.js';
import { defaultCacheFile, loadBriefings } from './load-briefings.js';
import { hashBytes } from './parse-cache.js';
import { briefingToYaml } from './write-yaml.js';

let dir: string;
let remove: () => Promise<void>;
let cacheFile: string;
beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
  cacheFile = join(dir, 'cache', 'parse-cache.json');
});
afterEach(() => remove());

const yamlOf = (id: string) => briefingToYaml(makeBriefing({ id }));
const load = () => loadBriefings({ dir, cacheFile });
const cachedKeys = async () =>
  Object.keys((JSON.parse(await readFile(cacheFile, 'utf8')) as { entries: object }).entries);

describe('the parse cache', () => {
  it('gives the same records on a warm load as on a cold one', async () => {
    await writeFiles({ dir, files: { 'a.yaml': yamlOf('a'), 'b.yaml': yamlOf('b') } });
    const cold = await load();
    const warm = await load();
    expect(warm).toEqual(cold);
    expect(await cachedKeys()).toHaveLength(2);
  });

  it('keeps only valid records, keyed by the hash of their bytes, and drops entries of removed files', async () => {
    await writeFiles({
      dir,
      files: { 'a.yaml': yamlOf('a'), 'bad.yaml': 'id: bad\n', 'c.yaml': yamlOf('c') },
    });
    await load();
    expect((await cachedKeys()).sort()).toEqual(
      [hashBytes(Buffer.from(yamlOf('a'))), hashBytes(Buffer.from(yamlOf('c')))].sort(),
    );
    await writeFile(join(dir, 'c.yaml'), yamlOf('c').replace('type: visit', 'type: meeting'));
    const { problems } = await load();
    // The changed file is parsed afresh and its new problem found, with its line.
    expect(
      problems.filter((p) => p.file?.endsWith('c.yaml')).map((p) => `${p.line} ${p.path}`),
    ).toEqual(['5 type']);
    expect(problems.filter((p) => p.file?.endsWith('bad.yaml'))).toHaveLength(11);
    expect(await cachedKeys()).toEqual([hashBytes(Buffer.from(yamlOf('a')))]);
  });

  it('still applies the schema to cached values, and lines to their problems', async () => {
    await writeFiles({ dir, files: { 'a.yaml': yamlOf('a'), 'b.yaml': yamlOf('b') } });
    await load();
    // A cache entry that no longer passes (as after a schema change) is parsed afresh.
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as {
      entries: Record<string, unknown>;
    };
    cache.entries[hashBytes(Buffer.from(yamlOf('a')))] = {
      ...makeBriefing({ id: 'a' }),
      type: 'meeting',
    };
    await writeFile(cacheFile, JSON.stringify(cache));
    expect((await load()).problems).toEqual([]);
    // Cross-record problems in cached files still get their lines.
    await writeFile(join(dir, 'b.yaml'), yamlOf('a'));
    await load();
    const { problems } = await load();
    expect(problems.map((p) => `${p.file}:${p.line} ${p.path}`)).toContain(
      `${join(dir, 'b.yaml')}:1 id`,
    );
  });

  it('treats a damaged cache file as empty', async () => {
    await writeFiles({ dir, files: { 'a.yaml': yamlOf('a') } });
    await load();
    await writeFile(cacheFile, '{ not json');
    expect((await load()).records.map((r) => r.id)).toEqual(['a']);
    expect(await cachedKeys()).toHaveLength(1);
  });

  it('lives under the nearest node_modules/.cache, or nowhere without one', async () => {
    expect(await defaultCacheFile({ dir })).toBeUndefined();
    const found = await defaultCacheFile({ dir: process.cwd() });
    expect(found).toMatch(/node_modules\/\.cache\/briefing\/parse-cache-[0-9a-f]{16}\.json$/);
  });
});
