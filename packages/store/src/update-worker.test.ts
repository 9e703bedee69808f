import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, record, type Fixture } from './test-support/fixtures.js';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const script = fileURLToPath(new URL('./test-support/build-both.ts', import.meta.url));

let fixture: Fixture;
beforeEach(async () => {
  // More files than a first build makes on the store's own thread, some with problems.
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

describe('a first build in a worker thread', () => {
  it('gives the index a build on the main thread gives', async () => {
    const out = join(fixture.root, 'out.json');
    await run(
      process.execPath,
      [
        '--conditions=briefing-source',
        '--import',
        'tsx',
        script,
        fixture.dir,
        join(fixture.root, 'a'),
        join(fixture.root, 'b'),
        out,
      ],
      { cwd: packageDir },
    );
    const [inWorker, onMain] = JSON.parse(await readFile(out, 'utf8')) as {
      thread: string;
      problems: unknown[];
    }[];
    expect(inWorker!.thread).toBe('worker');
    expect(onMain!.thread).toBe('main');
    expect({ ...inWorker, thread: '' }).toEqual({ ...onMain, thread: '' });
    expect(inWorker!.problems.length).toBeGreaterThan(10);
  });
});
