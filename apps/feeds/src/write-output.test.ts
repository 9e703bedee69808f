import {
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { spawn, spawnSync } from 'node:child_process';
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

/** The generation folders in the builds folder of `dir/out`, oldest first. */
async function generations(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, '.out.builds'), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => parseInt(a, 36) - parseInt(b, 36));
}

/** Every file under a folder, as path → text. */
async function textsUnder(folder: string): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      texts[path.slice(folder.length + 1)] = await readFile(path, 'utf8');
    }
  }
  return texts;
}

/** A build of one file into `out` by a process of its own, through this very module. */
function buildInAnotherProcess(out: string) {
  const script = `
    import { makeFeedFile } from '@briefing/feeds';
    import { writeFeedOutput } from ${JSON.stringify(new URL('./write-output.ts', import.meta.url).pathname)};
    const file = makeFeedFile({ path: '/feeds/other.txt', contentType: 'text/plain', text: 'other', lastModified: new Date(0) });
    await writeFeedOutput({ out: ${JSON.stringify(out)}, files: [file] }).removed;
  `;
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=briefing-source', '--input-type=module', '-e', script],
    { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' },
  );
}

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
    // Two build folders and their manifests remain beside the link: the current one, and the
    // one it replaced, kept as the next build's standby.
    expect((await readdir(dir)).sort()).toEqual(['.out.builds', 'out']);
    expect(await readdir(join(dir, '.out.builds'))).toHaveLength(4);
  });

  it('starts the next build from the standby: only what differs is replaced, and what went is removed', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    const first = writeFeedOutput({
      out,
      files: [file('/feeds/a.txt', 'a'), file('/feeds/b.txt', 'b'), file('/old/x.txt', 'x')],
    });
    expect(first.fromStandby).toBe(false);
    const [standby] = await generations(dir);
    const folderOfFirst = await stat(join(dir, '.out.builds', standby!));
    const a = await stat(join(out, 'feeds/a.txt'));
    const second = writeFeedOutput({
      out,
      files: [file('/feeds/a.txt', 'a'), file('/feeds/b.txt', 'b2'), file('/feeds/c.txt', 'c')],
    });
    expect(second.fromStandby).toBe(false);
    const b = await stat(join(out, 'feeds/b.txt'));
    await new Promise((done) => setTimeout(done, 20));

    const third = writeFeedOutput({
      out,
      files: [file('/feeds/a.txt', 'a'), file('/feeds/b.txt', 'b2'), file('/feeds/d.txt', 'd')],
    });
    await third.removed;
    // The first build's folder, renamed: written into, not made anew.
    expect(third.fromStandby).toBe(true);
    expect((await stat(join(out, '.'))).ino).toBe(folderOfFirst.ino);
    expect(third).toMatchObject({ written: 1, unchanged: 2 });
    expect(await textsUnder(await realpath(out))).toEqual({
      'feeds/a.txt': 'a',
      'feeds/b.txt': 'b2',
      'feeds/d.txt': 'd',
    });
    // Unchanged files are the very files served before: same inode, same time.
    for (const [path, before] of [
      ['feeds/a.txt', a],
      ['feeds/b.txt', b],
    ] as const) {
      const after = await stat(join(out, path));
      expect([after.ino, after.mtimeMs], path).toEqual([before.ino, before.mtimeMs]);
    }
    // The folder the standby no longer needs went with its file.
    expect((await readdir(await realpath(out))).sort()).toEqual(['feeds']);
    // The second build is the standby now, untouched.
    expect(await generations(dir)).toHaveLength(2);
    expect(
      await readFile(join(dir, '.out.builds', (await generations(dir))[0]!, 'feeds/c.txt'), 'utf8'),
    ).toBe('c');
  });

  it('takes what the standby holds from the caller when it knows it, and drops a standby whose manifest cannot be read', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    const builds = join(dir, '.out.builds');
    const first = writeFeedOutput({
      out,
      files: [file('/feeds/a.txt', 'a'), file('/feeds/b.txt', 'b')],
    });
    const second = writeFeedOutput({
      out,
      files: [file('/feeds/a.txt', 'a2'), file('/feeds/b.txt', 'b')],
      previous: first.output,
    });
    // The standby's manifest unreadable: a caller that knows what it holds still takes it.
    const [standby] = await generations(dir);
    await writeFile(join(builds, `${standby}.manifest.json`), '{ cut sho');
    const third = writeFeedOutput({
      out,
      files: [file('/feeds/a.txt', 'a3'), file('/feeds/b.txt', 'b')],
      previous: second.output,
      standby: first.output,
    });
    expect(third).toMatchObject({ fromStandby: true, written: 1, unchanged: 1 });
    expect(await textsUnder(await realpath(out))).toEqual({
      'feeds/a.txt': 'a3',
      'feeds/b.txt': 'b',
    });
    // Without that, the folder cannot be trusted: it is removed, and the build starts afresh.
    const [next] = await generations(dir);
    await writeFile(join(builds, `${next}.manifest.json`), '[]');
    const fourth = writeFeedOutput({ out, files: [file('/feeds/a.txt', 'a4')] });
    expect(fourth.fromStandby).toBe(false);
    expect(await readdir(builds)).not.toContain(next);
    expect(await textsUnder(await realpath(out))).toEqual({ 'feeds/a.txt': 'a4' });
  });

  it('never changes a file of the build it replaces, though the standby shares it', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    writeFeedOutput({ out, files: [file('/feeds/a.txt', 'a')] });
    // The second build links the unchanged file: one file in both folders.
    writeFeedOutput({ out, files: [file('/feeds/a.txt', 'a'), file('/feeds/b.txt', 'b')] });
    const served = await realpath(out);
    const third = writeFeedOutput({ out, files: [file('/feeds/a.txt', 'changed')] });
    expect(third.fromStandby).toBe(true);
    expect(await readFile(join(out, 'feeds/a.txt'), 'utf8')).toBe('changed');
    expect(await textsUnder(served)).toEqual({ 'feeds/a.txt': 'a', 'feeds/b.txt': 'b' });
  });

  it("writes anew a file whose bytes come back to what the standby holds: its time is the new build's", async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    writeFeedOutput({ out, files: [file('/feeds/a.txt', 'one')] });
    const old = await stat(join(out, 'feeds/a.txt'));
    writeFeedOutput({ out, files: [file('/feeds/a.txt', 'two')] });
    const served = await stat(join(out, 'feeds/a.txt'));
    await new Promise((done) => setTimeout(done, 20));
    const third = writeFeedOutput({ out, files: [file('/feeds/a.txt', 'one')] });
    expect(third).toMatchObject({ fromStandby: true, written: 1 });
    const now = await stat(join(out, 'feeds/a.txt'));
    expect(await readFile(join(out, 'feeds/a.txt'), 'utf8')).toBe('one');
    expect(now.ino).not.toBe(old.ino);
    expect(now.mtimeMs).toBeGreaterThan(served.mtimeMs);
  });

  it('does not take as standby a folder a killed build left half changed, nor one another running build made', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    const builds = join(dir, '.out.builds');
    writeFeedOutput({ out, files: [file('/feeds/a.txt', 'one')] });
    writeFeedOutput({ out, files: [file('/feeds/a.txt', 'two')] });
    const [standby] = await generations(dir);
    // What a build killed while changing the standby leaves: the folder under that build's name
    // (its process gone), without a manifest.
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    const killed = `${Date.now().toString(36)}-${ended}`;
    await rename(join(builds, standby!), join(builds, killed));
    await rm(join(builds, `${standby}.manifest.json`));
    await writeFile(join(builds, killed, 'feeds/a.txt'), 'half');
    const third = writeFeedOutput({ out, files: [file('/feeds/a.txt', 'three')] });
    expect(third).toMatchObject({ fromStandby: false, cleaned: 1 });
    expect(await readFile(join(out, 'feeds/a.txt'), 'utf8')).toBe('three');
    expect(await readdir(builds)).not.toContain(killed);

    // A complete build of another process still running, not swapped in yet: not touched.
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      const [replaced] = await generations(dir);
      const theirs = `${Date.now().toString(36)}-${running.pid}`;
      await rename(join(builds, replaced!), join(builds, theirs));
      await rename(
        join(builds, `${replaced}.manifest.json`),
        join(builds, `${theirs}.manifest.json`),
      );
      const fourth = writeFeedOutput({ out, files: [file('/feeds/a.txt', 'four')] });
      expect(fourth.fromStandby).toBe(false);
      expect(await readFile(join(builds, theirs, 'feeds/a.txt'), 'utf8')).toBe('two');
      expect(await readdir(builds)).toContain(`${theirs}.manifest.json`);
    } finally {
      running.kill();
    }
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
    // The current build and the standby, each with its manifest.
    expect(await readdir(join(dir, '.out.builds'))).toHaveLength(4);
    expect(await generations(dir)).not.toContain('zzz-half-written');
  });

  it('leaves what another build still running is writing, and removes it once that build is gone', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    const builds = join(dir, '.out.builds');
    writeFeedOutput({ out, files: [file('/feeds/a.txt', 'a')] });
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      const now = Date.now();
      // Another process's build, begun a moment ago: its generation, a sidecar it is writing and
      // the link it is about to swap in.
      const theirs = `${now.toString(36)}-${running.pid}`;
      await mkdir(join(builds, theirs, 'feeds'), { recursive: true });
      await writeFile(join(builds, theirs, 'feeds/a.txt'), 'theirs');
      await writeFile(join(builds, `tmp-${theirs}.keys.json`), '{}');
      await symlink(`.out.builds/${theirs}`, join(dir, `.out.link-${theirs}`));
      // Left by builds that are not running: one whose process has ended, and one begun two
      // hours ago by a process whose id is now another's.
      const ended = spawnSync(process.execPath, ['-e', '']).pid;
      await mkdir(join(builds, `${now.toString(36)}-${ended}`));
      await mkdir(join(builds, `${(now - 2 * 3600_000).toString(36)}-${running.pid}`));

      const result = writeFeedOutput({ out, files: [file('/feeds/a.txt', 'b')] });
      await result.removed;
      expect(result.cleaned).toBe(2);
      expect(await readFile(join(builds, theirs, 'feeds/a.txt'), 'utf8')).toBe('theirs');
      expect(await readdir(builds)).toEqual(
        expect.arrayContaining([theirs, `tmp-${theirs}.keys.json`]),
      );
      expect(await readdir(dir)).toContain(`.out.link-${theirs}`);
      expect(await readFile(join(out, 'feeds/a.txt'), 'utf8')).toBe('b');

      running.kill();
      await new Promise((done) => running.once('exit', done));
      const after = writeFeedOutput({ out, files: [file('/feeds/a.txt', 'c')] });
      await after.removed;
      expect(after.cleaned).toBe(3);
      expect((await readdir(dir)).sort()).toEqual(['.out.builds', 'out']);
    } finally {
      running.kill();
    }
  });

  it('finishes beside another process building into the same output meanwhile', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    writeFeedOutput({ out, files: [file('/feeds/a.txt', 'first')] });
    const paths = Array.from({ length: 20 }, (_, n) => `/feeds/${n}.txt`);
    let other: ReturnType<typeof spawnSync> | undefined;
    const result = writeFeedOutput({
      out,
      files: (function* () {
        for (const [n, path] of paths.entries()) {
          // Halfway through, a whole build by another process: it cleans up, writes, swaps.
          if (n === paths.length / 2) other = buildInAnotherProcess(out);
          yield file(path, `ours ${n}`);
        }
      })(),
    });
    await result.removed;
    expect(other?.status, String(other?.stderr)).toBe(0);
    for (const [n, path] of paths.entries()) {
      expect(await readFile(join(out, path), 'utf8')).toBe(`ours ${n}`);
    }
    // Ours swapped in last. The next build keeps the newest other build as its standby and
    // removes the first.
    expect(await generations(dir)).toHaveLength(3);
    const next = writeFeedOutput({ out, files: [file('/feeds/0.txt', 'next')] });
    await next.removed;
    expect(next.fromStandby).toBe(true);
    expect(await generations(dir)).toHaveLength(2);
    expect(await readFile(join(out, 'feeds/0.txt'), 'utf8')).toBe('next');
  });

  it('keeps the last of many builds begun one right after another, and the one before as standby', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    const results = Array.from({ length: 20 }, (_, n) =>
      writeFeedOutput({ out, files: [file('/feeds/a.txt', `build ${n}`)] }),
    );
    await Promise.all(results.map((result) => result.removed));
    expect(await readFile(join(out, 'feeds/a.txt'), 'utf8')).toBe('build 19');
    expect(await readdir(join(dir, '.out.builds'))).toHaveLength(4);
    const [standby] = await generations(dir);
    expect(await readFile(join(dir, '.out.builds', standby!, 'feeds/a.txt'), 'utf8')).toBe(
      'build 18',
    );
  });

  it('refuses an output path that is a file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'out'), 'not a directory');
    expect(() => writeFeedOutput({ out: join(dir, 'out'), files: [] })).toThrow(
      /must be a directory/,
    );
  });

  it('keeps sidecars beside their generation: read back while current, removed when it is taken as standby', async () => {
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
    const third = writeFeedOutput({
      out,
      files: [file('/feeds/a.txt', 'a')],
      sidecars: { 'keys.json': () => '{"n":3}' },
    });
    await third.removed;
    expect(third.fromStandby).toBe(true);
    expect(readOutputSidecar(out, 'keys.json')).toBe('{"n":3}');
    // The first build's sidecar went when its folder was taken; the second's stays beside it.
    const [standby, current] = await generations(dir);
    expect((await readdir(builds)).sort()).toEqual(
      [standby!, current!]
        .flatMap((generation) => [
          generation,
          `${generation}.keys.json`,
          `${generation}.manifest.json`,
        ])
        .sort(),
    );
    expect(await readFile(join(builds, `${standby}.keys.json`), 'utf8')).toBe('{"n":2}');
    expect(() =>
      writeFeedOutput({ out, files: [], sidecars: { '../escape.json': () => 'x' } }),
    ).toThrow('not a sidecar name');
  });
});
