import { describe, expect, it } from 'vitest';
import { summarize } from './validate.js';

describe('summarize', () => {
  it.each([
    [12, [], '12 records valid'],
    [12, [], '12 records valid, 2 warnings', 2],
    [12, [], '12 records valid, 1 warning', 1],
    [1, [], '1 record valid'],
    [5, [{ file: 'a.yaml' }], '1 problem in 1 file'],
    [5, [{ file: 'a.yaml' }, { file: 'a.yaml' }, { file: 'b.yaml' }], '3 problems in 2 files'],
  ])('summarizes %i records and %j', (recordCount, problems, expected, warningCount = 0) => {
    expect(summarize({ recordCount, problems, warningCount })).toBe(expected);
  });
});
