// Test helpers for the feeds server and the dashboard's agreement tests (source only, not built).
export * from './feed-alone.js';
export * from './feed-set.js';
export * from './http.js';
export * from './store-fixture.js';
