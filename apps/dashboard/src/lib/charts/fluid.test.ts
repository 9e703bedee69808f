import { describe, expect, it } from 'vitest';
import { fluid } from './fluid.js';

describe('fluid', () => {
  it("gives a position as a percentage of the layout's size, to a hundredth", () => {
    const x = fluid(340);
    expect(x(0)).toBe('0%');
    expect(x(170)).toBe('50%');
    expect(x(340)).toBe('100%');
    expect(x(100)).toBe('29.41%');
  });
});
