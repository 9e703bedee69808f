export * from './extract-drafts.js';
export * from './read-article.js';
export * from './split-sentences.js';
export * from './find-triggers.js';
export * from './match-entities.js';
export * from './detect-status.js';
export * from './detect-themes.js';
export * from './gazetteer.js';
export * from './group-events.js';
export * from './build-draft.js';
export * from './draft-text.js';
export * from './dates/find-dates.js';
export * from './dates/resolve-date.js';
export * from './dates/article-date.js';
export * from './scaffold-record.js';
export {
  runExtract,
  EXTRACT_OPTIONS,
  EXTRACT_HELP,
  DEFAULT_DRAFTS_DIR,
} from './cli/run-extract.js';
export { runNew, NEW_OPTIONS, NEW_HELP } from './cli/run-new.js';
export type { CommandIo } from './cli/io.js';
