// The running server follows its data folder: edits, additions, renames, deletions, a bad edit
// and its fix, the folder swapped for another, and entries that are not records. Real files,
// the real watcher and the built server over HTTP; the feed is parsed as XML.
import { briefingToYaml } from '@briefing/schema/node';
import { makeBriefing, makeTempDir, writeFiles } from '@briefing/schema/testing';
import { execFileSync } from 'node:child_process';
import { mkdir, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server.js';

const temp = await makeTempDir('dashboard-live-');
const dir = join(temp.dir, 'briefings');
let server: RunningServer;

const record = (id: string, title: string, start = '2024-06-19') =>
  briefingToYaml(makeBriefing({ id, title, date: { start, precision: 'day' } }));

beforeAll(async () => {
  await mkdir(dir);
  await writeFiles({
    dir,
    files: {
      'treaty.yaml': record('treaty', 'Treaty signed in Pyongyang'),
      'call.yaml': record('call', 'Leaders speak by phone', '2024-08-12'),
    },
  });
  server = await startServer({ env: { BRIEFING_DATA: dir } });
});
afterAll(async () => {
  await server?.stop();
  await temp.remove();
});

const text = async (path: string) => {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: await response.text() };
};
const atomTitles = async () => {
  const { body } = await text('/feeds/all.atom');
  const feed = new XMLParser().parse(body) as {
    feed: { entry?: { title: string }[] | { title: string } };
  };
  const entries = feed.feed.entry ?? [];
  return (Array.isArray(entries) ? entries : [entries]).map((entry) => String(entry.title));
};

/** Waits until `check` passes (the watcher applies changes within a second or so). */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('the server follows its data folder', () => {
  it('shows an edit on the record page, in the list and in the feed', async () => {
    await writeFile(join(dir, 'treaty.yaml'), record('treaty', 'Partnership treaty signed'));
    await eventually(async () => {
      expect((await text('/briefings/treaty')).body).toContain('Partnership treaty signed');
      expect((await text('/briefings')).body).toContain('Partnership treaty signed');
      expect(await atomTitles()).toContain('Partnership treaty signed');
    });
  });

  it('adds a new record, follows a rename, and drops a deleted one', async () => {
    await writeFile(
      join(dir, 'visit.yaml'),
      record('visit', 'Defence minister visits', '2024-09-13'),
    );
    await eventually(async () => expect((await text('/briefings/visit')).status).toBe(200));
    await rename(join(dir, 'visit.yaml'), join(dir, 'visit-renamed.yaml'));
    await writeFile(join(dir, 'marker.yaml'), record('marker', 'Marker after the rename'));
    await eventually(async () => expect((await text('/briefings/marker')).status).toBe(200));
    expect((await text('/briefings/visit')).body).toContain('Defence minister visits');
    await unlink(join(dir, 'visit-renamed.yaml'));
    await eventually(async () => expect((await text('/briefings/visit')).status).toBe(404));
    expect(await atomTitles()).not.toContain('Defence minister visits');
  });

  it('keeps serving the last good version of a record while its file is invalid, then the fix', async () => {
    await writeFile(join(dir, 'call.yaml'), 'id: call\ntitle: [unclosed\n');
    await writeFile(join(dir, 'marker.yaml'), record('marker', 'Marker after the bad edit'));
    await eventually(async () =>
      expect((await text('/briefings/marker')).body).toContain('Marker after the bad edit'),
    );
    const page = await text('/briefings/call');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Leaders speak by phone');
    // Logged once, naming the file, with no stack trace.
    expect(server.output()).toMatch(/call\.yaml:\d+/);
    expect(server.output()).not.toMatch(/^\s+at /m);
    await writeFile(join(dir, 'call.yaml'), record('call', 'Leaders speak again', '2024-08-12'));
    await eventually(async () =>
      expect((await text('/briefings/call')).body).toContain('Leaders speak again'),
    );
  });

  it('refuses FIFOs and symlinks that leave the folder, by name, without reading them', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    await writeFile(join(temp.dir, 'outside.yaml'), record('outside', 'Secret outside text'));
    await symlink(join(temp.dir, 'outside.yaml'), join(dir, 'outside.yaml'));
    await writeFile(join(dir, 'marker.yaml'), record('marker', 'Marker after the FIFO'));
    await eventually(async () =>
      expect((await text('/briefings/marker')).body).toContain('Marker after the FIFO'),
    );
    expect((await text('/briefings/outside')).status).toBe(404);
    expect(server.output()).toContain('pipe.yaml');
    expect(server.output()).toContain('outside.yaml');
    expect(server.output()).not.toContain('Secret outside text');
    await rm(join(dir, 'pipe.yaml'));
    await rm(join(dir, 'outside.yaml'));
  });

  it('indexes a folder swapped in for the old one', async () => {
    const next = join(temp.dir, 'next');
    await mkdir(next);
    await writeFiles({
      dir: next,
      files: { 'summit.yaml': record('summit', 'Summit in Vladivostok') },
    });
    await rename(dir, join(temp.dir, 'old'));
    await rename(next, dir);
    await eventually(async () => {
      expect((await text('/briefings/summit')).status).toBe(200);
      expect((await text('/briefings/treaty')).status).toBe(404);
      expect(await atomTitles()).toEqual(['Summit in Vladivostok']);
    });
  });
});
