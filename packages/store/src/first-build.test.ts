import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_DIR, scriptArgs } from './test-support/child-script.js';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

const run = promisify(execFile);

let fixture: Fixture;
beforeEach(async () => {
  // More files than the store checks on its own thread (WORKER_UPDATE), some with problems.
  fixture = await makeFixture(
    ...Array.from({ length: 2100 }, (_, i) =>
      record(`r-${i}`, {
        title: `Title ${(i * 7919) % 2100}`,
        ...(i % 50 === 1 ? { related: [{ id: 'ghost', relation: 'follows' as const }] } : {}),
      }),
    ),
  );
  await fixture.write(
    { file: 'broken.yaml', text: 'id: broken\ntitle: [\n' },
    { file: 'copy.yaml', text: 'id: r-3\n' },
  );
});
afterEach(() => fixture.remove());

describe('a first build with a worker thread checking files', () => {
  it('gives the index a build that checks every file on the store’s own thread gives', async () => {
    const out = join(fixture.root, 'out.json');
    // The fixture's cache for the build with the worker, another for the one without.
    await run(
      process.execPath,
      scriptArgs('build-both.ts', fixture, join(fixture.root, 'without-worker'), out),
      { cwd: PACKAGE_DIR },
    );
    const [inWorker, onMain] = JSON.parse(await readFile(out, 'utf8')) as {
      parsedInWorker: number;
      problems: unknown[];
    }[];
    // The store checks files itself until the worker is ready (slower to start through tsx).
    expect(inWorker!.parsedInWorker).toBeGreaterThan(0);
    expect(onMain!.parsedInWorker).toBe(0);
    expect({ ...inWorker, parsedInWorker: 0 }).toEqual({ ...onMain, parsedInWorker: 0 });
    expect(inWorker!.problems.length).toBeGreaterThan(10);
  });
});
