import { mkdir, mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Briefing } from '@briefing/schema';
import { briefingToYaml } from '@briefing/schema/node';
import { generateBriefings } from '@briefing/schema/testing';
import { silentLogger } from '@briefing/store';
import { KEYS_SIDECAR, buildOutput, prepareNextBuild } from './build-output.js';
import { readOutputSidecar } from './write-output.js';
import { openFeeds } from './open-feeds.js';

const SITE = 'https://briefing.example.org';
const temps: string[] = [];
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Every file under a folder (following the output's link), by relative path. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path));
  }
  return files;
}

/** Every file of `out` has the bytes of a full build's, and there is no other. */
async function expectSameFiles({ out, full, what }: { out: string; full: string; what: string }) {
  const expected = await tree(full);
  const actual = await tree(out);
  expect([...actual.keys()].sort(), what).toEqual([...expected.keys()].sort());
  for (const [path, bytes] of expected) {
    expect(actual.get(path)!.equals(bytes), `${what}: ${path}`).toBe(true);
  }
  return expected.size;
}

/** Open the index and the feeds afresh (what a new process does), build into `out`, close. */
async function build({
  root,
  out,
  siteUrl = SITE,
}: {
  root: string;
  out: string;
  siteUrl?: string;
}) {
  const { store, live, problems } = await open(root, siteUrl, out);
  try {
    expect(problems).toEqual([]);
    const result = buildOutput({ live, out });
    await result.removed;
    return result;
  } finally {
    await store.close();
  }
}

const open = (root: string, siteUrl = SITE, out?: string) =>
  openFeeds({
    ...(out === undefined ? {} : { out }),
    dir: join(root, 'data'),
    cwd: root,
    cacheDir: join(root, 'cache'),
    siteUrl,
    pageSize: 3,
    logger: silentLogger,
  });

const save = (root: string, record: Briefing) =>
  writeFile(join(root, 'data', `${record.id}.yaml`), briefingToYaml(record));

/** A folder of 40 records (a data folder, a cache and an output path). */
async function makeRoot() {
  const root = await mkdtemp(join(tmpdir(), 'briefing-feeds-incremental-'));
  temps.push(root);
  const records = generateBriefings({ count: 40 });
  await mkdir(join(root, 'data'));
  for (const record of records) await save(root, record);
  return { root, records, out: join(root, 'out') };
}

/** One change of each kind to the records in `root`, in turn. */
function changesOf({
  root,
  records,
}: {
  root: string;
  records: Briefing[];
}): [what: string, change: () => Promise<unknown>][] {
  const [edited, sameDay, removed, moved, early] = [3, 7, 11, 15, 19].map((n) => records[n]!) as [
    Briefing,
    Briefing,
    Briefing,
    Briefing,
    Briefing,
  ];
  const otherTheme = records.find((record) => !record.themes.includes(moved.themes[0]!))!
    .themes[0]!;
  const later = (record: Briefing) => ({
    ...record.revision,
    updated: '2031-06-01',
    changes: [...record.revision.changes, { date: '2031-06-01', note: 'Edited.' }],
  });
  return [
    ['an edit', () => save(root, { ...edited, title: 'Edited', revision: later(edited) })],
    // A correction that leaves every date as it was: only its bytes tell.
    ['a same-day edit', () => save(root, { ...sameDay, summary: 'Corrected the same day.' })],
    ['an addition', () => save(root, { ...records[0]!, id: 'synthetic-added', title: 'Added' })],
    ['a deletion', () => unlink(join(root, 'data', `${removed.id}.yaml`))],
    [
      'a move to another theme',
      () => save(root, { ...moved, themes: [otherTheme], revision: later(moved) }),
    ],
    // Created before every other record: every archive of its scopes shifts by one.
    [
      'an addition that shifts the archives',
      () =>
        save(root, {
          ...early,
          id: 'synthetic-earliest',
          revision: {
            created: '2001-01-01',
            updated: '2001-01-01',
            changes: [{ date: '2001-01-01', note: 'Added.' }],
          },
        }),
    ],
    ['nothing', async () => {}],
  ];
}

describe('buildOutput into the previous output', { timeout: 60_000 }, () => {
  it('in a new process, renders only what each change touches and writes what a full build writes', async () => {
    const { root, records, out } = await makeRoot();
    const first = await build({ root, out });
    expect(first).toMatchObject({ reused: 0 });

    for (const [index, [what, change]] of changesOf({ root, records }).entries()) {
      await change();
      const incremental = await build({ root, out });
      const full = join(root, `full-${index}`);
      await build({ root, out: full });
      const files = await expectSameFiles({ out, full, what });
      // The records' keys are kept beside it for the next process.
      expect(readOutputSidecar(out, KEYS_SIDECAR), what).toContain('"records"');
      // Documents are linked from the previous output without being rendered: most of them,
      // unless the change shifts every archive of the feeds it is in.
      expect(incremental.reused, what).toBeGreaterThan(what.includes('shifts') ? 0 : files / 2);
      if (what === 'nothing') expect(incremental.reused, what).toBe(files);
    }
  });

  /**
   * One running process: after its first build, each change is applied and the output written
   * again (then `afterEach` of the process), and compared with a full build.
   */
  async function buildAfterEachChange({
    root,
    records,
    out,
    live,
    store,
    afterBuild = () => {},
  }: Awaited<ReturnType<typeof makeRoot>> &
    Pick<Awaited<ReturnType<typeof open>>, 'live' | 'store'> & {
      afterBuild?: () => Promise<void> | void;
    }) {
    await buildOutput({ live, out }).removed;
    await afterBuild();
    for (const [index, [what, change]] of changesOf({ root, records }).entries()) {
      await change();
      await store.sync();
      const result = buildOutput({ live, out });
      await result.removed;
      await afterBuild();
      const full = join(root, `full-${index}`);
      await build({ root, out: full });
      const files = await expectSameFiles({ out, full, what });
      expect(result.reused, what).toBeGreaterThan(what.includes('shifts') ? 0 : files / 2);
    }
  }

  it('in one process (build --watch), writes what a full build writes after each change', async () => {
    const made = await makeRoot();
    // An output of an earlier process first: the running one starts from it.
    await build(made);
    const { store, live } = await open(made.root);
    try {
      await buildAfterEachChange({ ...made, store, live });
    } finally {
      await store.close();
    }
  });

  it('in the build daemon (one process, keeping little after each build), writes what a full build writes', async () => {
    const made = await makeRoot();
    const { store, live } = await open(made.root, SITE, made.out);
    try {
      // Its first build renders everything. After each build, the standby is made the same as
      // the output, and what it kept goes, items and documents alike (a budget of one byte keeps
      // no item: each is rendered again where needed).
      await buildAfterEachChange({
        ...made,
        store,
        live,
        afterBuild: async () => {
          await prepareNextBuild({ live, out: made.out });
          live.shrink({ maxItemBytes: 1 });
        },
      });
    } finally {
      await store.close();
    }
  });

  it('renders every document again for other options (another site URL)', async () => {
    const { root, out } = await makeRoot();
    await build({ root, out });
    const siteUrl = 'https://mirror.example.net';
    const result = await build({ root, out, siteUrl });
    expect(result.reused).toBe(0);
    await build({ root, out: join(root, 'full'), siteUrl });
    await expectSameFiles({ out, full: join(root, 'full'), what: 'another site URL' });
  });
});
