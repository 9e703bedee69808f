import { makeBriefing, makeTempDir, writeFiles } from '@briefing/schema/testing';
import { briefingToYaml } from '@briefing/schema/node';
import { afterAll, describe, expect, it } from 'vitest';
import { runServerToExit } from './server.js';

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
});
