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
  // Enough files for several chunks, so that the main thread checks some of them itself.
  fixture = await makeFixture(...Array.from({ length: 400 }, (_, i) => record(`r-${i}`)));
  await fixture.write(
    { file: 'broken.yaml', text: 'id: broken\ntitle: [\n' },
    { file: 'r-5.yaml', text: 'id: r-5\n' },
    { file: 'wrong-name.yaml', text: 'id: r-1\n' },
  );
});
afterEach(() => fixture.remove());

describe('a worker thread checking files', () => {
  it('finds what the main thread finds, file by file, in the order asked', async () => {
    const out = join(fixture.root, 'out.json');
    // Through tsx: the worker loads this package's TypeScript sources as the parent does.
    await run(process.execPath, scriptArgs('parse-both.ts', fixture, out), { cwd: PACKAGE_DIR });
    const { inWorker, shared, checkedHere, onMain } = JSON.parse(await readFile(out, 'utf8')) as {
      inWorker: { name: string; outcome: string }[];
      shared: unknown[];
      checkedHere: string[];
      onMain: unknown[];
    };
    expect(inWorker).toHaveLength(402);
    expect(inWorker).toEqual(onMain);
    expect(inWorker.filter((result) => result.outcome === 'checked')).toHaveLength(402);
    // With the main thread checking a share of the chunks: the same results in the same order.
    expect(shared).toEqual(onMain);
    expect(checkedHere.length).toBeGreaterThan(0);
    expect(checkedHere.length).toBeLessThan(402);
  });

  it('lets go of the results already read (a first build does not hold every record)', async () => {
    const out = join(fixture.root, 'out.json');
    await run(process.execPath, ['--expose-gc', ...scriptArgs('parse-released.ts', fixture, out)], {
      cwd: PACKAGE_DIR,
    });
    const { read, firstCollected } = JSON.parse(await readFile(out, 'utf8')) as {
      read: number;
      firstCollected: boolean;
    };
    expect(read).toBe(402);
    expect(firstCollected).toBe(true);
  });
});
