import { describe, expect, it } from 'vitest';
import { newGenerationName } from './running-builds.js';

describe('newGenerationName', () => {
  it('names every build of a process apart, however close together they begin', () => {
    const names = Array.from({ length: 1000 }, () => newGenerationName());
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((name) => name.endsWith(`-${process.pid}`))).toBe(true);
    // In the order they began: their start times only grow.
    const starts = names.map((name) => parseInt(name, 36));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
