// Node-only entry: everything from the browser-safe entry, plus the file-system loader.
export * from './index.js';
export {
  checkBriefingFile,
  checkRecordDocuments,
  findDataRoot,
  idOfFileName,
  loadBriefings,
  NOT_LOADED_YML,
  type LoadOptions,
  type LoadResult,
} from './node/load-briefings.js';
export { parseBriefingYaml, type ParseLimits } from './node/parse-yaml.js';
export { briefingToYaml } from './node/write-yaml.js';
export { DEFAULT_MAX_ALIAS_COUNT, DEFAULT_MAX_BYTES } from './node/yaml-options.js';
