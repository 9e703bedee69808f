// Node-only entry: everything from the browser-safe entry, plus the file-system loader.
export * from './index.js';
export * from './node/load-briefings.js';
export * from './node/parse-yaml.js';
export * from './node/write-yaml.js';
export * from './node/write-file-atomic.js';
export { DEFAULT_MAX_ALIAS_COUNT, DEFAULT_MAX_BYTES } from './node/yaml-options.js';
