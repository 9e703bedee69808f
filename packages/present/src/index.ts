export * from './labels.js';
export * from './dates.js';
export * from './safe-text.js';
export * from './urls.js';
export * from './scopes.js';
export { concernsCountry, recordCountries } from '@briefing/schema';
export * from './coverage-text.js';
