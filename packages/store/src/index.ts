// @briefing/store: the live SQLite index of the briefing records.
export { openStore, defaultCacheDir, Store } from './store.js';
export type { StoreChange, StoreOptions, StoreStatus, SyncResult } from './store.js';
export {
  folderIdentity,
  MAX_FOLDER_EVENTS,
  watchStore,
  type StoreWatcher,
  type WatchOptions,
} from './watch.js';
export type {
  Engagement,
  FacetCount,
  Facets,
  FacetValues,
  ListOptions,
  ListResult,
  RelatedLinks,
  SearchHit,
  SearchOptions,
  SearchResult,
  Sort,
} from './reader.js';
export type { SyncProgress } from './update.js';
export {
  defaultSpellings,
  mergeSpellings,
  spellingsFromGazetteer,
  type Spellings,
} from './spellings.js';
export { consoleLogger, silentLogger, type Logger } from './logger.js';
export { SCHEMA_VERSION } from './index-schema.js';
export { IndexFolderError } from './database.js';
export { searchQuery } from './search-query.js';
export { recordHashes } from './record-hashes.js';
export { IndexRecords } from './index-records.js';
export { IMPORT_WORKER_MODULE, moduleUrl, workerPreloads } from './call-in-worker.js';
export { TimeSlicer, runInSlices } from './time-slicer.js';
