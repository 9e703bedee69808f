import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Briefing } from '@briefing/schema';
import { makeBriefing } from '@briefing/schema/testing';
import { buildFeeds } from './build-feeds.js';
import { fileText, pathsOf, unescapeHtml } from './test-support/feed-set.js';
import { HOSTILE_STRINGS, expectedText } from './test-support/hostile.js';
import { parseStrict, readXml, textOf } from './test-support/xml.js';

const SITE = 'https://briefing.example.org/';

const text = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
);

const recordArbitrary = fc
  .record({
    title: text,
    summary: text,
    actor: text,
    place: text,
    updatedDay: fc.integer({ min: 1, max: 28 }),
    theme: fc.constantFrom('diplomacy', 'space', 'defense') as fc.Arbitrary<
      'diplomacy' | 'space' | 'defense'
    >,
  })
  .map((parts) => {
    const base = makeBriefing();
    const updated = `2024-02-${String(parts.updatedDay).padStart(2, '0')}`;
    return Briefing.safeParse(
      makeBriefing({
        title: `T ${parts.title}`,
        summary: `S ${parts.summary}`,
        themes: [parts.theme],
        actors: [{ ...base.actors[0]!, name: `A ${parts.actor}` }, base.actors[1]!],
        places: [{ name: `P ${parts.place}`, country: 'PRK' }],
        revision: { created: '2024-01-10', updated, changes: [{ date: updated, note: 'x' }] },
      }),
    );
  })
  .filter((result) => result.success)
  .map((result) => result.data!);

describe('any valid record set', () => {
  it('gives feeds that all parse and keep every item title and id', () => {
    fc.assert(
      fc.property(fc.array(recordArbitrary, { minLength: 1, maxLength: 7 }), (drafts) => {
        const records = drafts.map((record, index) => ({ ...record, id: `record-${index}` }));
        const feeds = buildFeeds({ records, siteUrl: SITE, pageSize: 3 });
        const expected = new Map(
          records.map((r) => [
            `tag:briefing.example.org,2023:briefing/${r.id}`,
            expectedText(r.title).trim(),
          ]),
        );
        const seen = {
          rss: new Map<string, string>(),
          atom: new Map<string, string>(),
          json: new Map<string, string>(),
        };
        for (const path of pathsOf(feeds, 'rss').filter((p) => p.includes('/all'))) {
          const xml = fileText(feeds, path);
          parseStrict(xml);
          for (const item of readXml(xml).rss.channel.item ?? [])
            seen.rss.set(textOf(item.guid), textOf(item.title));
        }
        for (const path of pathsOf(feeds, 'atom').filter((p) => p.includes('/all'))) {
          const xml = fileText(feeds, path);
          parseStrict(xml);
          for (const entry of readXml(xml).feed.entry ?? []) {
            seen.atom.set(textOf(entry.id), unescapeHtml(textOf(entry.title)));
          }
        }
        for (const path of pathsOf(feeds, 'json').filter((p) => p.includes('/all'))) {
          for (const item of JSON.parse(fileText(feeds, path)).items)
            seen.json.set(item.id, item.title);
        }
        for (const path of [...pathsOf(feeds, 'rss'), ...pathsOf(feeds, 'atom')])
          parseStrict(fileText(feeds, path));
        expect(seen.rss).toEqual(expected);
        expect(seen.atom).toEqual(expected);
        expect(seen.json).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
