import { describe, expect, it } from 'vitest';
import { formSearch, isYearBeingTyped, listPath } from './form-search.js';

describe('formSearch', () => {
  it.each([
    ['an empty form', [], ''],
    [
      'empty and blank fields',
      [
        ['q', ''],
        ['from', '  '],
        ['to', ''],
      ],
      '',
    ],
    ['the default order', [['sort', 'date-desc']], ''],
    ['another order', [['sort', 'title']], 'sort=title'],
    [
      'repeated themes, in form order',
      [
        ['theme', 'space'],
        ['theme', 'defense'],
      ],
      'theme=space&theme=defense',
    ],
    ['text that needs escaping', [['q', 'Kim & Putin']], 'q=Kim+%26+Putin'],
  ] as const)('gives %s as "%s"', (_, entries, expected) => {
    expect(formSearch(entries as unknown as [string, string][])).toBe(expected);
  });

  it('reads a real FormData, skipping files', () => {
    const data = new FormData();
    data.append('theme', 'space');
    data.append('upload', new Blob(['x']));
    data.append('q', 'cosmodrome');
    expect(formSearch(data)).toBe('theme=space&q=cosmodrome');
  });
});

describe('listPath', () => {
  it('is the bare list for no query, and carries a query otherwise', () => {
    expect(listPath('')).toBe('/briefings');
    expect(listPath('theme=space')).toBe('/briefings?theme=space');
  });
});

describe('isYearBeingTyped', () => {
  it.each([
    ['0002-03-01', true],
    ['0020-03-01', true],
    ['0202-03-01', true],
    ['2024-03-01', false],
    ['1000-01-01', false],
    ['20245-03-01', true],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isYearBeingTyped(value)).toBe(expected);
  });
});
