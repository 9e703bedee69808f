import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportingNodeVersion, unsupportedNode } from '@briefing/repo/supported-node';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('briefing-feeds on an older Node', () => {
  it('says which Node to install, in one line, before loading anything that needs node:sqlite', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        reportingNodeVersion('20.20.2'),
        '--import',
        'tsx',
        '--conditions=briefing-source',
        'src/main.ts',
        '--help',
      ],
      { cwd: packageDir, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`briefing-feeds: ${unsupportedNode('20.20.2')}`);
    expect(run.stdout).toBe('');
  });

  it('runs the command on a supported Node', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=briefing-source', 'src/main.ts', '--help'],
      { cwd: packageDir, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/briefing-feeds/);
  });
});
