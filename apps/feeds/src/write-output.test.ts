import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBriefing } from '@briefing/schema/testing';
import { buildFeeds, makeFeedFile, type FeedSet } from '@briefing/feeds';
import { writeFeedSet } from './write-output.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-feeds-write-'));
  dirs.push(dir);
  return dir;
}

describe('writeFeedSet', () => {
  it('writes every file, archives included, at its URL path under the output directory', async () => {
    const dir = await tempDir();
    const feeds = buildFeeds({
      records: [makeBriefing(), makeBriefing({ id: 'other' })],
      siteUrl: 'https://briefing.example.org/',
      pageSize: 1,
    });
    await writeFeedSet({ feeds, out: join(dir, 'out') });
    for (const [path, file] of feeds.files) {
      expect((await readFile(join(dir, 'out', path))).equals(Buffer.from(file.body)), path).toBe(
        true,
      );
    }
    expect(feeds.files.has('/feeds/archive/all/1.atom')).toBe(true);
  });

  it('leaves the previous output whole, and no temporary directory, when a write fails', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    await mkdir(join(out, 'feeds'), { recursive: true });
    await writeFile(join(out, 'feeds/all.atom'), 'previous');
    const file = (path: string) =>
      makeFeedFile({ path, contentType: 'text/plain', text: 'x', lastModified: new Date(0) });
    // A file and a directory of the same name: the second write must fail.
    const broken: FeedSet = {
      siteUrl: 'https://briefing.example.org/',
      files: new Map([
        ['/feeds/a', file('/feeds/a')],
        ['/feeds/a/b', file('/feeds/a/b')],
      ]),
    };
    await expect(writeFeedSet({ feeds: broken, out })).rejects.toThrow();
    expect(await readFile(join(out, 'feeds/all.atom'), 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('refuses an output path that is a file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'out'), 'not a directory');
    const feeds = buildFeeds({
      records: [makeBriefing()],
      siteUrl: 'https://briefing.example.org/',
    });
    await expect(writeFeedSet({ feeds, out: join(dir, 'out') })).rejects.toThrow(
      /must be a directory/,
    );
  });
});
