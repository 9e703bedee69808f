// `@briefing/schema/testing`: shared fixtures for the tests and benchmarks of any package.
export { makeBriefing } from './fixtures.js';
export { generateBriefings } from './generate-briefings.js';
export { makeTempDir, writeFiles } from './temp-dir.js';
export { INVALID_CASES, VALID_CASES, ZOD_ONLY_INVALID_CASES, type CorpusCase } from './corpus.js';
export { SEED_TRIP_2023_09, SEEDS_DIR } from './seed-engagements.js';
