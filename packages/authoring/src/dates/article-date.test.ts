import { describe, expect, it } from 'vitest';
import { findArticleDate } from './article-date.js';

describe('findArticleDate', () => {
  it('prefers the --reference-date flag', () => {
    expect(findArticleDate({ meta: { date: '2020-01-01' }, body: '', flag: '2023-10-16' })).toEqual(
      {
        date: '2023-10-16',
        from: '--reference-date',
      },
    );
  });

  it('keeps the calendar date of a metadata date-time as written', () => {
    expect(
      findArticleDate({
        meta: { date: '2023-10-16T23:30:00-05:00', dateFrom: '<time datetime>' },
        body: '',
      }),
    ).toEqual({
      date: '2023-10-16',
      from: 'article <time datetime>',
    });
  });

  it.each([
    ['MOSCOW, October 16, 2023 — Lavrov will visit.', '2023-10-16'],
    ['Published: 3 March 2025\n\nA visit was postponed.', '2025-03-03'],
    ['Date: 2024-12-05\n\nThey signed.', '2024-12-05'],
    // Day first with dots, as Russian and European writing has it; a slash date one way only.
    ['MOSCOW, 12.07.2025 — They signed.', '2025-07-12'],
    ['Published: 25/11/2024\n\nThey signed.', '2024-11-25'],
    ['Published: 11/25/2024\n\nThey signed.', '2024-11-25'],
  ])('reads the dateline of %j', (body, date) => {
    expect(findArticleDate({ meta: {}, body })?.date).toBe(date);
  });

  it.each([
    ['Lavrov will visit in October.'],
    [
      'A long first sentence that goes on and on about many things before it mentions 16 October 2023.',
    ],
    ['Date: 2023-02-30'],
    // 5 November or May 11: no guess.
    ['Published: 05/11/2024\n\nThey signed.'],
  ])('finds no article date in %j', (body) => {
    expect(findArticleDate({ meta: {}, body })).toBeUndefined();
  });

  it('returns the dateline so that the story can be read without it', () => {
    expect(
      findArticleDate({
        meta: {},
        body: 'PYONGYANG, July 27, 2023 (Wire) — Shoigu arrived on Tuesday.',
      }),
    ).toEqual({
      date: '2023-07-27',
      from: 'dateline of the article',
      dateline: 'PYONGYANG, July 27, 2023 (Wire) — ',
    });
    expect(findArticleDate({ meta: {}, body: 'Published: 3 March 2025\n\nText.' })?.dateline).toBe(
      'Published: 3 March 2025',
    );
  });
});
