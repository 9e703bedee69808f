import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../problem.js';
import { loadBriefings } from './load-briefings.js';

const SEEDS = fileURLToPath(new URL('../../../../seeds/briefings', import.meta.url));

describe('the seed records in seeds/briefings', () => {
  it('are all valid, with no problem in any file or across files', async () => {
    const { records, problems } = await loadBriefings({ dir: SEEDS });
    expect(problems.map(formatProblem)).toEqual([]);
    // A missing or empty seed directory is a failure, not a pass.
    expect(records.length).toBeGreaterThan(0);
  });
});
