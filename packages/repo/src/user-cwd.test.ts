import { describe, expect, it } from 'vitest';
import { userCwd } from './user-cwd.js';

describe('userCwd', () => {
  it('prefers the directory the root scripts pass on, then pnpm INIT_CWD, then the process', () => {
    expect(userCwd({ BRIEFING_CWD: '/repo/seeds', INIT_CWD: '/repo' })).toBe('/repo/seeds');
    expect(userCwd({ INIT_CWD: '/repo/seeds' })).toBe('/repo/seeds');
    expect(userCwd({ BRIEFING_CWD: '', INIT_CWD: '' })).toBe(process.cwd());
  });
});
