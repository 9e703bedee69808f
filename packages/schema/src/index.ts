export * from './vocabulary.js';
export * from './briefing.js';
export * from './calendar-date.js';
