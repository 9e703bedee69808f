import { describe, expect, it } from 'vitest';
import { generateBriefings } from '@briefing/schema/testing';
import { templatedArchiveFrames } from './archive-frame.js';
import { atom1Frame } from './atom1.js';
import { scopePages } from './feed-page.js';
import { jsonFeedFrame } from './json-feed.js';
import { feedScopes } from './paths.js';
import { rss2Frame } from './rss2.js';
import { compareItems, dateAtUtcMidnight, toFeedItem } from './to-feed-item.js';

const records = generateBriefings({ count: 120 });

describe('archive frames filled in from one rendering per scope', () => {
  it.each([
    ['rss', rss2Frame],
    ['atom', atom1Frame],
    ['json', jsonFeedFrame],
  ] as const)('are byte-identical to %s frames rendered page by page', (_format, frame) => {
    const templated = templatedArchiveFrames(frame);
    for (const siteUrl of [
      'https://briefing.example.org/',
      'http://briefing.example.org/a&b/',
      'http://localhost:3000/',
    ]) {
      const items = records.map((record) => toFeedItem({ record, siteUrl })).sort(compareItems);
      let archives = 0;
      for (const scope of feedScopes({ records })) {
        const pages = scopePages({
          scope,
          items,
          siteUrl,
          pageSize: 7,
          hubUrl: 'https://hub.example.org/',
          emptyUpdated: dateAtUtcMidnight('2023-01-01'),
        });
        for (const page of pages) {
          if (page.archivePage !== undefined) archives++;
          expect(templated({ page })).toEqual(frame({ page }));
        }
      }
      // Every shape: first, middle and last archives of many scopes.
      expect(archives).toBeGreaterThan(100);
    }
  });
});
