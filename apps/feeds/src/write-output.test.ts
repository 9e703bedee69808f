import {
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBriefing } from '@briefing/schema/testing';
import { buildFeeds, makeFeedFile } from '@briefing/feeds';
import { readOutputSidecar, writeFeedOutput, type OutputFile } from './write-output.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-feeds-write-'));
  dirs.push(dir);
  return dir;
}

const file = (path: string, text: string): OutputFile =>
  makeFeedFile({ path, contentType: 'text/plain', text, lastModified: new Date(0) });

describe('writeFeedOutput', () => {
  it('writes every file, archives included, at its URL path under the output directory', async () => {
    const dir = await tempDir();
    const feeds = buildFeeds({
      records: [makeBriefing(), makeBriefing({ id: 'other' })],
      siteUrl: 'https://briefing.example.org/',
      pageSize: 1,
    });
    writeFeedOutput({ files: feeds.files.values(), out: join(dir, 'out') });
    for (const [path, feed] of feeds.files) {
      expect((await readFile(join(dir, 'out', path))).equals(Buffer.from(feed.body)), path).toBe(
        true,
      );
    }
    expect(feeds.files.has('/feeds/archive/all/1.atom')).toBe(true);
    expect((await lstat(join(dir, 'out'))).isSymbolicLink()).toBe(true);
  });

  it('does not write unchanged files again (same inode and mtime) and drops removed ones', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    writeFeedOutput({
      out,
      files: [file('/feeds/a.txt', 'a'), file('/feeds/b.txt', 'b'), file('/feeds/c.txt', 'c')],
    });
    const before = await stat(join(out, 'feeds/a.txt'));
    await new Promise((done) => setTimeout(done, 20));
    const result = writeFeedOutput({
      out,
      files: [file('/feeds/a.txt', 'a'), file('/feeds/b.txt', 'b, changed')],
    });
    await result.removed;
    expect(result).toMatchObject({ written: 1, unchanged: 1 });
    const after = await stat(join(out, 'feeds/a.txt'));
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(join(out, 'feeds/b.txt'), 'utf8')).toBe('b, changed');
    expect((await readdir(join(out, 'feeds'))).sort()).toEqual(['a.txt', 'b.txt']);
    // One build folder and its manifest remain, beside the link.
    expect((await readdir(dir)).sort()).toEqual(['.out.builds', 'out']);
    expect(await readdir(join(dir, '.out.builds'))).toHaveLength(2);
  });

  it('replaces a real directory left by an older version, comparing bytes', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    await mkdir(join(out, 'feeds'), { recursive: true });
    await writeFile(join(out, 'feeds/a.txt'), 'a');
    await writeFile(join(out, 'feeds/stale.rss'), 'old');
    const result = writeFeedOutput({ out, files: [file('/feeds/a.txt', 'a')] });
    await result.removed;
    expect(result).toMatchObject({ written: 0, unchanged: 1 });
    expect(await readdir(join(out, 'feeds'))).toEqual(['a.txt']);
  });

  it('leaves the previous output whole, and no new build, when a write fails', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    await writeFeedOutput({ out, files: [file('/feeds/all.atom', 'previous')] }).removed;
    // A file and a directory of the same name: the second write must fail.
    expect(() =>
      writeFeedOutput({ out, files: [file('/feeds/a', 'x'), file('/feeds/a/b', 'y')] }),
    ).toThrow();
    expect(await readFile(join(out, 'feeds/all.atom'), 'utf8')).toBe('previous');
    expect(await readdir(join(dir, '.out.builds'))).toHaveLength(2);
  });

  it('removes what interrupted builds left behind', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    writeFeedOutput({ out, files: [file('/feeds/a.txt', 'a')] });
    await mkdir(join(dir, '.out.builds/zzz-half-written/feeds'), { recursive: true });
    await writeFile(join(dir, '.out.builds/zzz-half-written.manifest.json'), '{');
    await symlink('.out.builds/zzz-half-written', join(dir, '.out.link-zzz'));
    await mkdir(join(dir, '.out.new-123-abc'));
    const result = writeFeedOutput({ out, files: [file('/feeds/a.txt', 'a')] });
    await result.removed;
    expect(result.cleaned).toBe(4);
    expect((await readdir(dir)).sort()).toEqual(['.out.builds', 'out']);
    expect(await readdir(join(dir, '.out.builds'))).toHaveLength(2);
  });

  it('refuses an output path that is a file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'out'), 'not a directory');
    expect(() => writeFeedOutput({ out: join(dir, 'out'), files: [] })).toThrow(
      /must be a directory/,
    );
  });

  it('keeps sidecars beside their generation: read back while current, removed with it', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    const builds = join(dir, '.out.builds');
    const first = writeFeedOutput({
      out,
      files: [file('/feeds/a.txt', 'a')],
      sidecars: { 'keys.json': () => '{"n":1}' },
    });
    await first.removed;
    expect(readOutputSidecar(out, 'keys.json')).toBe('{"n":1}');
    expect(readOutputSidecar(out, 'other.json')).toBeUndefined();
    // A build killed before its swap leaves a generation with its sidecar: cleaned up, while
    // the current generation's is kept.
    await writeFile(join(builds, 'killed-1.keys.json'), 'left over');
    const second = writeFeedOutput({
      out,
      files: [file('/feeds/a.txt', 'a')],
      sidecars: { 'keys.json': () => '{"n":2}', 'none.json': () => undefined },
    });
    expect(second.cleaned).toBe(1);
    await second.removed;
    expect(readOutputSidecar(out, 'keys.json')).toBe('{"n":2}');
    const generation = (await readdir(builds)).find((entry) => !entry.includes('.'))!;
    expect((await readdir(builds)).sort()).toEqual(
      [generation, `${generation}.keys.json`, `${generation}.manifest.json`].sort(),
    );
    expect(() =>
      writeFeedOutput({ out, files: [], sidecars: { '../escape.json': () => 'x' } }),
    ).toThrow('not a sidecar name');
  });
});
