import { describe, expect, it } from 'vitest';
import { MAX_VALUE_LENGTH, parseListParams } from './list-params.js';
import { listHref, listSearchParams } from './list-url.js';

const parse = (search: string) => parseListParams({ params: new URLSearchParams(search) });

describe('parseListParams', () => {
  it('reads every filter, the sort and the page', () => {
    const result = parse(
      'theme=space&theme=defense&type=summit&actor=Kim+Jong+Un&country=rus&place=Pyongyang&status=occurred&from=2023-09-01&to=2023-09-30&q=glove&sort=title&count=records&page=2',
    );
    expect(result).toEqual({
      query: {
        themes: ['space', 'defense'],
        types: ['summit'],
        actors: ['Kim Jong Un'],
        countries: ['RUS'],
        places: ['Pyongyang'],
        status: ['occurred'],
        from: '2023-09-01',
        to: '2023-09-30',
        text: 'glove',
      },
      sort: 'title',
      count: 'records',
      page: 2,
      notes: [],
    });
  });

  it.each([
    ['theme=astrology', 'Ignored theme "astrology": not a theme.'],
    ['type=party', 'Ignored type "party": not a type.'],
    ['status=rumoured', 'Ignored status "rumoured": not a status.'],
    [
      'country=XYZ',
      'Ignored country "XYZ": expected a three-letter country code such as RUS or PRK.',
    ],
    ['from=2023-13-45', 'Ignored start date "2023-13-45": expected a date YYYY-MM-DD.'],
    ['to=yesterday', 'Ignored end date "yesterday": expected a date YYYY-MM-DD.'],
    ['page=0', 'Ignored page "0": expected a page number.'],
    ['page=-3', 'Ignored page "-3": expected a page number.'],
    ['page=1e9', 'Ignored page "1e9": expected a page number.'],
    ['sort=random', 'Ignored sort "random": unknown order.'],
    ['count=people', 'Ignored count "people": expected engagements or records.'],
    [
      'from=2024-01-01&to=2023-01-01',
      'Ignored the date range: the start date 2024-01-01 is after the end date 2023-01-01.',
    ],
  ])('ignores %s with a note', (search, note) => {
    const result = parse(search);
    expect(result.notes).toEqual([note]);
    expect(result.query).toEqual({});
    expect(result.page).toBe(1);
    expect(result.sort).toBe('date-desc');
  });

  it('ignores a huge text and quotes only its beginning in the note', () => {
    const huge = 'x'.repeat(MAX_VALUE_LENGTH + 1);
    const result = parse(`q=${huge}&actor=${huge}`);
    expect(result.query).toEqual({});
    expect(result.notes).toHaveLength(2);
    for (const note of result.notes) expect(note.length).toBeLessThan(120);
  });

  it('keeps the good values of a field and drops the bad ones', () => {
    const result = parse('theme=space&theme=nope&theme=space');
    expect(result.query.themes).toEqual(['space']);
    expect(result.notes).toEqual(['Ignored theme "nope": not a theme.']);
  });

  it('treats empty parameters as absent', () => {
    expect(parse('theme=&q=&from=&page=&count=')).toEqual({
      query: {},
      sort: 'date-desc',
      count: 'engagements',
      page: 1,
      notes: [],
    });
  });
});

describe('listSearchParams', () => {
  it('round-trips through parseListParams', () => {
    const state = {
      query: { themes: ['space' as const], text: 'a & b = c', from: '2023-01-01' },
      sort: 'date-asc' as const,
      count: 'records' as const,
      page: 3,
    };
    const parsed = parseListParams({ params: listSearchParams(state) });
    expect(parsed).toEqual({ ...state, notes: [] });
  });

  it('leaves defaults out of links', () => {
    expect(listHref({ query: {} })).toBe('/briefings');
    expect(listHref({ query: { themes: ['space'] }, sort: 'date-desc', page: 1 })).toBe(
      '/briefings?theme=space',
    );
  });
});
