import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { arbitraryBriefing, arbitraryText } from '../test-support/arbitraries.js';
import { CORE_SCALAR_TAGS, NON_STRING_START, readPlainYaml } from './read-plain-yaml.js';
import { briefingToYaml } from './write-yaml.js';
import { YAML_OPTIONS } from './yaml-options.js';

const withYaml = (text: string) => parse(text, YAML_OPTIONS) as unknown;

describe('readPlainYaml', () => {
  it.each([
    ['null', 'a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: nul'],
    ['bool', 'a: true\nb: False\nc: TRUE\nd: yes\ne: on\nf: tRUE'],
    ['int', 'a: 12\nb: +12\nc: -0\nd: 0o17\ne: 0x1f\nf: 012\ng: 1_000\nh: 0b101\ni: 0o8'],
    ['float', 'a: 1.5\nb: -.5\nc: +.5\nd: 1e3\ne: 1.\nf: .inf\ng: -.Inf\nh: .NaN\ni: 1e\nj: .'],
    ['date and time', 'a: 2023-10-18\nb: 2023-10-18T10:00:00Z\nc: 12:30\nd: 1:20:30'],
    ['quoted and block', 'a: "12"\nb: \'true\'\nc: |\n  12\nd: >-\n  null\ne: "a\\tb"'],
    ['empty flow', 'a: []\nb: {}'],
    ['text with ampersands', 'a: R&D and Q&A\nb: 5*3'],
  ])('resolves %s scalars exactly as yaml does', (_name, text) => {
    const plain = readPlainYaml(text);
    expect(plain).toBeDefined();
    expect(plain?.value).toStrictEqual(withYaml(text));
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x'],
    ['an alias bomb', 'a: &a [1, 1]\nb: &b [*a, *a]\nc: [*b, *b]'],
    ['a tag', 'a: !!str 1'],
    ['an unknown tag', 'a: !!js/function "() => 1"'],
    ['a local tag', 'a: !thing 1'],
    ['a flow alias', 'a: [1, *x]'],
    ['a directive', '%YAML 1.1\n---\na: yes'],
    ['a flow sequence', 'a: [1, 2]'],
    ['a flow mapping', 'a: {b: 1}'],
    ['a complex key', '[title]: x'],
    ['an explicit key', '? title\n: x'],
    ['a duplicate key', 'a: 1\nb: 2\na: 3'],
    ['a second document', 'a: 1\n---\nb: 2'],
    ['a tab', 'a:\t1'],
    ["a quoted line continued at the key's column", "a: 'one\ntwo'\nb: 1"],
    ["a quoted item continued at the item's column", "- 'one\ntwo'"],
    ['a byte order mark', '\uFEFFa: 1'],
    ['invalid YAML', 'a: "unclosed\nb: 2'],
    ['text with a spaced ampersand', 'a: R & D'],
    // Read differently by js-yaml, found by the property tests below.
    ['an empty item after an item that opens a list', '- -\n- b'],
    ['an empty item with a comment', 'a:\n  - - #c\n  -  #c'],
    ['a block scalar with an explicit indentation', 'a: >1\n  \n'],
    ['a block scalar whose first line is spaces', 'a: >\n    \n   #c\n'],
    ['a mapping on the line of a document marker', '--- a: 1'],
    ['a line of dashes', '----'],
    ['a key that reads as null', '~: 1'],
    ['a key that reads as a number', 'a:\n  0x1f: 1'],
    ['a key that reads as infinity', '- .inf: 1'],
    ['a scalar', 'text'],
    ['no document at all', '# a comment\n'],
  ])('leaves a file with %s to yaml', (_name, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it('needs no core schema test for a plain scalar that begins with any other character', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (text) => {
        fc.pre(!NON_STRING_START.has(text[0]!));
        expect(CORE_SCALAR_TAGS.filter((tag) => tag.test.test(text))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives what yaml gives for any written record', () => {
    fc.assert(
      fc.property(arbitraryBriefing, (record) => {
        const text = briefingToYaml(record);
        const plain = readPlainYaml(text);
        if (plain !== undefined) expect(plain.value).toStrictEqual(withYaml(text));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('reads text only when yaml reads it without a problem, and to the same value', () => {
    fc.assert(
      fc.property(arbitraryText(40), (text) => {
        for (const yaml of [
          `a: ${text}\n`,
          `a: ${JSON.stringify(text)}\n`,
          `- ${text}\n`,
          `a:\n  b: ${text}\n  c: [${text}]\n`,
          `${text}: 1\n`,
        ]) {
          const plain = readPlainYaml(yaml);
          if (plain === undefined) continue;
          const doc = parseDocument(yaml, YAML_OPTIONS);
          expect([...doc.errors, ...doc.warnings]).toEqual([]);
          expect(plain.value).toStrictEqual(doc.toJS());
        }
      }),
      // Counterexamples found before: a `#` right after a closing bracket is a comment to
      // js-yaml and an error to `yaml`.
      { numRuns: Number(process.env.RUNS ?? 1000), examples: [['{}#'], ['[]#'], ['-\n-'], ['~']] },
    );
  }, 60_000);

  it("reads text made of YAML's own tokens only as yaml reads it", () => {
    const token = fc.constantFrom(
      ...['- ', '-', '- - ', 'a:', 'b: ', ': ', ' ', '  ', '\n', '\n  ', '\n- ', '\r\n', 'x'],
      ...['1', '0x1', '.', '~', 'null', 'true', '2023-01-02', "'q'", '"w"', '\\', 'é'],
      ...['|', '>', '|-', '>+', '#c', ' #c', '---', '...', '[]', '{}', 'a: []'],
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 12 }).map((tokens) => `${tokens.join('')}\n`),
        (yaml) => {
          const plain = readPlainYaml(yaml);
          if (plain === undefined) return;
          const doc = parseDocument(yaml, YAML_OPTIONS);
          expect([...doc.errors, ...doc.warnings]).toEqual([]);
          expect(plain.value).toStrictEqual(doc.toJS());
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 3000) },
    );
  }, 60_000);
});
