import { describe, expect, it } from 'vitest';
import { formatPath, formatProblem, sortProblems, type Problem } from './problem.js';

describe('formatProblem', () => {
  it.each<[Problem, string]>([
    [
      {
        file: 'seeds/briefings/x.yaml',
        line: 12,
        path: 'sources[0].url',
        message: 'expected an http(s) URL, got "javascript:alert(1)"',
      },
      'seeds/briefings/x.yaml:12  sources[0].url: expected an http(s) URL, got "javascript:alert(1)"',
    ],
    [{ file: 'x.yaml', path: '', message: 'file too large' }, 'x.yaml  file too large'],
    [
      { recordId: 'abc', path: 'title', message: 'expected text' },
      'record abc  title: expected text',
    ],
    [{ path: 'title', message: 'expected text' }, 'title: expected text'],
    [
      { file: 'x.yaml', line: 3, path: 'title', message: 'expected text, got "a\nb\r\nc\u2028d"' },
      'x.yaml:3  title: expected text, got "a\\u000ab\\u000d\\u000ac\\u2028d"',
    ],
    [
      { file: 'x.yaml', line: 3, path: 'x\u001b[31m', message: 'unknown field "\u001b[2J\u202e"' },
      'x.yaml:3  x\\u001b[31m: unknown field "\\u001b[2J\\u202e"',
    ],
  ])('writes %j as one line', (problem, expected) => {
    expect(formatProblem(problem)).toBe(expected);
  });
});

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['title'], 'title'],
    [['sources', 0, 'url'], 'sources[0].url'],
    [['themes', 2], 'themes[2]'],
  ])('writes %j as %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('sortProblems', () => {
  it('orders by file, then line, then path', () => {
    const problems: Problem[] = [
      { file: 'b.yaml', line: 1, path: '', message: 'm' },
      { file: 'a.yaml', line: 10, path: '', message: 'm' },
      { file: 'a.yaml', line: 2, path: 'z', message: 'm' },
      { file: 'a.yaml', line: 2, path: 'a', message: 'm' },
    ];
    expect(sortProblems(problems).map((p) => `${p.file}:${p.line}:${p.path}`)).toEqual([
      'a.yaml:2:a',
      'a.yaml:2:z',
      'a.yaml:10:',
      'b.yaml:1:',
    ]);
  });
});
