import { describe, expect, it } from 'vitest';
import type { Briefing } from './briefing.js';
import { checkRecordSet } from './record-set.js';
import { makeBriefing } from './test-support/fixtures.js';

const related = (id: string, ...targets: string[]) =>
  makeBriefing({
    id,
    related: targets.map((target) => ({ id: target, relation: 'follows' as const })),
  });
const supersedes = (id: string, target: string) =>
  makeBriefing({ id, related: [{ id: target, relation: 'supersedes' }] });

describe('checkRecordSet', () => {
  it.each<[string, Briefing[], string[]]>([
    ['unique ids and existing relations', [related('a', 'b'), supersedes('b', 'a')], []],
    [
      'links that group records going round in a circle, reported once',
      [related('c', 'a'), related('a', 'b'), related('b', 'c'), related('d', 'a')],
      [
        'related[0].id: part-of, announces and follows links go round in a circle (a → b → c → a); remove one so that the engagement has a root',
      ],
    ],
    ['records with no relations', [makeBriefing({ id: 'a' }), makeBriefing({ id: 'b' })], []],
    [
      'a duplicate id',
      [makeBriefing({ id: 'a' }), makeBriefing({ id: 'a' })],
      ['id: duplicate id "a", already used in another record'],
    ],
    [
      'a dangling related id',
      [related('a', 'ghost')],
      ['related[0].id: expected the id of an existing record, got "ghost" (no such record)'],
    ],
    [
      'a self relation',
      [related('a', 'a')],
      ['related[0].id: a record cannot relate to itself ("a")'],
    ],
    [
      'the same related id twice',
      [related('a', 'b', 'b'), makeBriefing({ id: 'b' })],
      ['related[1].id: "b" is already listed in related'],
    ],
  ])('checks %s', (_name, records, expected) => {
    expect(checkRecordSet({ records }).map((p) => `${p.path}: ${p.message}`)).toEqual(expected);
  });

  it('locates problems with the given function and names the other file of a duplicate', () => {
    const first = makeBriefing({ id: 'a' });
    const second = makeBriefing({ id: 'a' });
    const files = new Map([
      [first, 'a.yaml'],
      [second, 'copy.yaml'],
    ]);
    const problems = checkRecordSet({
      records: [first, second],
      locate: (record, path) => ({ file: files.get(record)!, line: path.length }),
    });
    expect(problems).toEqual([
      {
        file: 'copy.yaml',
        line: 1,
        recordId: 'a',
        path: 'id',
        message: 'duplicate id "a", already used in a.yaml:1',
      },
    ]);
  });

  it('needs only the ids and links of the records', () => {
    const problems = checkRecordSet({
      records: [{ id: 'a', related: [{ id: 'ghost', relation: 'follows' }] }, { id: 'b' }],
      locate: (record) => ({ file: `${record.id}.yaml` }),
    });
    expect(problems.map((p) => `${p.file} ${p.path}`)).toEqual(['a.yaml related[0].id']);
  });
});
