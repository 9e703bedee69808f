import { makeBriefing, makeTempDir, writeFiles } from '@briefing/schema/testing';
import { briefingToYaml } from '@briefing/schema/node';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportingNodeVersion, unsupportedNode } from '@briefing/repo/supported-node';
import { runServerToExit, startServer } from './server.js';

const temp = await makeTempDir('dashboard-startup-');
afterAll(() => temp.remove());

describe('starting the server', () => {
  it('refuses to start on invalid records and lists every problem', async () => {
    const bad = briefingToYaml(makeBriefing({ id: 'bad-source' })).replace(
      'https://mid.ru/en/foreign_policy/news/',
      'javascript:alert(1)',
    );
    await writeFiles({
      dir: temp.dir,
      files: {
        'bad-source.yaml': bad,
        'no-title.yaml': briefingToYaml(makeBriefing({ id: 'no-title' })).replace(
          /^title: .*$/m,
          'title: ""',
        ),
      },
    });
    const { code, output } = await runServerToExit({ env: { BRIEFING_DATA: temp.dir } });
    expect(code).toBe(1);
    expect(output).toMatch(
      /bad-source\.yaml:\d+ +sources\[0\]\.url: expected an http\(s\) URL, got "javascript:alert\(1\)"/,
    );
    expect(output).toMatch(/no-title\.yaml:\d+ +title: /);
    expect(output).toContain('The server did not start');
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('says which Node to install on an older one, in one line, before loading the server', async () => {
    const { code, output } = await runServerToExit({
      env: { NODE_OPTIONS: `--import=${reportingNodeVersion('20.20.2')}` },
    });
    expect(code).toBe(1);
    expect(output.trim()).toBe(`the dashboard: ${unsupportedNode('20.20.2')}`);
  });

  it('refuses a SITE_URL with a path, which some links would keep and others drop', async () => {
    const { code, output } = await runServerToExit({
      env: { SITE_URL: 'https://example.org/briefing' },
    });
    expect(code).toBe(1);
    expect(output).toContain(
      `SITE_URL: site URL must be the site's origin alone, such as https://example.org`,
    );
    expect(output).toContain('The server did not start: fix the setting above');
    expect(output).not.toMatch(/^\s+at /m);
  });

  it.each([
    // A file where a folder must be made; a folder under /proc, where Node's recursive mkdir
    // never returned (and the server never started nor said why).
    ['a file in the way', () => join(temp.dir, 'not-a-folder', 'cache')],
    ['a virtual file system', () => '/proc/briefing-nowhere/cache'],
  ])('refuses a BRIEFING_CACHE it cannot make (%s), in one line', async (_what, cache) => {
    await writeFile(join(temp.dir, 'not-a-folder'), '');
    const { code, output } = await runServerToExit({ env: { BRIEFING_CACHE: cache() } });
    expect(code).toBe(1);
    expect(output).toContain("BRIEFING_CACHE: cannot make the index's folder:");
    expect(output).toContain('The server did not start: fix the setting above');
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('catches up, once it answers, with records changed while it was stopped', async () => {
    const data = join(temp.dir, 'restart');
    const env = { BRIEFING_DATA: data, BRIEFING_CACHE: join(temp.dir, 'restart-cache') };
    const record = (id: string, title: string) => briefingToYaml(makeBriefing({ id, title }));
    await mkdir(data);
    await writeFiles({
      dir: data,
      files: { 'kept.yaml': record('kept', 'Talks before the restart') },
    });
    await (await startServer({ env })).stop();
    // While no server runs: an edit, an addition.
    await writeFile(join(data, 'kept.yaml'), record('kept', 'Talks after the restart'));
    await writeFile(join(data, 'added.yaml'), record('added', 'A visit added meanwhile'));
    const server = await startServer({ env });
    try {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const page = await (await fetch(`${server.url}/briefings/kept`)).text();
        const added = await fetch(`${server.url}/briefings/added`);
        if (page.includes('Talks after the restart') && added.status === 200) break;
        if (Date.now() > deadline) throw new Error('the restarted server never showed the edit');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await server.stop();
    }
    // A record made invalid while it was stopped stops it, as at a first start.
    await writeFile(
      join(data, 'added.yaml'),
      record('added', 'A visit added meanwhile').replace(/^title: .*$/m, 'title: ""'),
    );
    const { code, output } = await runServerToExit({ env });
    expect(code).toBe(1);
    expect(output).toMatch(/added\.yaml:\d+ +title: /);
    expect(output).not.toMatch(/^\s+at /m);
    // Fixed while it was stopped: it starts, though its index as last written holds the problem.
    await writeFile(join(data, 'added.yaml'), record('added', 'A visit fixed meanwhile'));
    const fixed = await startServer({ env });
    try {
      const page = await (await fetch(`${fixed.url}/briefings/added`)).text();
      expect(page).toContain('A visit fixed meanwhile');
    } finally {
      await fixed.stop();
    }
  });
});
