import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  exitUnlessSupportedNode,
  reportingNodeVersion,
  unsupportedNode,
} from '../supported-node.js';

describe('unsupportedNode', () => {
  it('says what to install on a Node without node:sqlite', () => {
    expect(unsupportedNode('20.20.2')).toMatch(
      /^Node\.js 20\.20\.2 is not supported: install Node\.js 24 or 26 \(LTS\)/,
    );
    expect(unsupportedNode('22.12.0')).toMatch(/not supported/);
  });

  it('accepts Node 24 and later', () => {
    expect(unsupportedNode('24.0.0')).toBeUndefined();
    expect(unsupportedNode('26.1.0')).toBeUndefined();
    expect(unsupportedNode()).toBeUndefined();
  });
});

describe('exitUnlessSupportedNode', () => {
  const check = (version: string) =>
    spawnSync(
      process.execPath,
      [
        '--import',
        reportingNodeVersion(version),
        '--input-type=module',
        '--eval',
        `import { exitUnlessSupportedNode } from ${JSON.stringify(new URL('../supported-node.js', import.meta.url).href)};
         exitUnlessSupportedNode('briefing-feeds'); console.log('went on');`,
      ],
      { encoding: 'utf8' },
    );

  it('stops an older Node with one line naming the command', () => {
    const run = check('20.20.2');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(`briefing-feeds: ${unsupportedNode('20.20.2')}`);
  });

  it('lets a supported Node go on', () => {
    const run = check('24.0.0');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('went on');
    expect(() => exitUnlessSupportedNode('briefing-feeds')).not.toThrow();
  });
});
