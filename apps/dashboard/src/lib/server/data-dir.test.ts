import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir.js';

describe('resolveDataDir', () => {
  it('reads a relative BRIEFING_DATA from where the user started the server', () => {
    // `pnpm start` runs the server in apps/dashboard; the root script passes the user's directory.
    expect(
      resolveDataDir({ env: { BRIEFING_DATA: 'my/records', BRIEFING_CWD: '/home/analyst' } }),
    ).toBe('/home/analyst/my/records');
    expect(resolveDataDir({ env: { BRIEFING_DATA: 'my/records', INIT_CWD: '/srv' } })).toBe(
      '/srv/my/records',
    );
    expect(resolveDataDir({ env: { BRIEFING_DATA: '/abs/records' } })).toBe('/abs/records');
  });
});
