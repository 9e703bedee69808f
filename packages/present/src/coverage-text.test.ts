import { describe, expect, it } from 'vitest';
import { coverageSentence, exportFileName } from './coverage-text.js';
import { archivedCopyUrl } from './entity-urls.js';

const coverage = { from: '2000-02-09', to: '2025-12-27', updated: '2026-12-04' };

describe('coverageSentence', () => {
  it('states the period covered and the last update, as calendar dates', () => {
    expect(coverageSentence(coverage)).toBe(
      'Covers 9 Feb 2000 – 27 Dec 2025; last updated 4 Dec 2026.',
    );
  });
  it('says so when there is nothing to cover', () => {
    expect(coverageSentence(undefined)).toBe('No records yet.');
  });
});

describe('exportFileName', () => {
  it('names the period and the update, not the download day', () => {
    expect(exportFileName({ coverage, extension: 'csv' })).toBe(
      'briefings-2000-02-09-to-2025-12-27-updated-2026-12-04.csv',
    );
  });
});

describe('archivedCopyUrl', () => {
  it.each([
    [
      { url: 'https://tass.com/world/1675791', published: '2023-09-15' },
      'https://web.archive.org/web/20230915/https://tass.com/world/1675791',
    ],
    [
      { url: 'https://www.koreaherald.com/view.php?ud=20241201050042' },
      'https://web.archive.org/web/https://www.koreaherald.com/view.php?ud=20241201050042',
    ],
  ])('links %j to its copy nearest the day it was published', (source, expected) => {
    expect(archivedCopyUrl(source)).toBe(expected);
  });
});
