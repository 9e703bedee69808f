import { Briefing } from '@briefing/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExtractError, extractDrafts } from './extract-drafts.js';
import { defaultGazetteers } from './gazetteer.js';

const { people, places, triggers } = defaultGazetteers();
const word = fc.constantFrom(
  ...people.flatMap((person) => [person.name, ...person.variants]),
  ...places.flatMap((place) => [place.name, ...place.variants]),
  ...triggers.flatMap((entry) => entry.terms),
  'in',
  'to',
  'at',
  'on',
  'the',
  'and',
  'will',
  'was',
  'said',
  'his',
  'these talks',
  'postponed',
  'mid-October',
  'September',
  'on the 18th and 19th',
  'the following day',
  '13 September 2023',
  'last week',
  'in 2024',
  'next month',
  'from 29 December to 2 January',
  '18 and 19 October',
  ',',
  '.',
  '\n\n',
  '—',
  '"',
  '’s',
  '<b>',
  '</b>',
  '# ',
  '**',
  '---\n',
);
const article = fc.array(word, { minLength: 1, maxLength: 60 }).map((words) => words.join(' '));

describe('extractDrafts on any text', () => {
  it('gives records valid against the schema, or an ExtractError, and nothing else', () => {
    fc.assert(
      fc.property(
        article,
        fc.constantFrom('text', 'markdown', 'html') as fc.Arbitrary<'text' | 'markdown' | 'html'>,
        fc.option(fc.constantFrom('2023-10-16', '2024-02-29', '2025-12-31'), { nil: undefined }),
        (text, format, referenceDate) => {
          try {
            const { drafts } = extractDrafts({
              text,
              format,
              today: '2026-11-27',
              sourceUrl: 'https://example.org/a',
              ...(referenceDate && { referenceDate }),
            });
            expect(drafts.length).toBeGreaterThan(0);
            expect(new Set(drafts.map((draft) => draft.id)).size).toBe(drafts.length);
            for (const draft of drafts) expect(Briefing.safeParse(draft).error).toBeUndefined();
          } catch (error) {
            if (!(error instanceof ExtractError)) throw error;
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});
