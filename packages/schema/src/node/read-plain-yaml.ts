import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { isScalar, Schema, type ScalarTag } from 'yaml';
import { YAML_OPTIONS } from './yaml-options.js';

// Parsing with `yaml` costs about ten times what js-yaml does, and almost every file is a plain
// valid record. So a plain file is read with js-yaml first; `yaml` stays the judge of anything
// else, and of every file with a problem (its messages and line numbers are the ones reported).

// Anchors, aliases, tags, explicit keys (`?`) and flow collections other than an empty `[]` or
// `{}` value after `key: ` start a node (after a line start, a space or a flow indicator); `%` starts a directive.
// They are left to `yaml`: js-yaml keeps aliases as shared references, and turns a complex key
// into a string of its own. Ordinary text such as "R & D" matches too, and merely takes the
// slower path, as do tabs, byte order marks and a `#` right after a quote or a closing bracket
// (js-yaml takes it for a comment; for `yaml` a comment needs a space before it).
const NOT_PLAIN =
  /(?:^|[\s[\]{},:])(?:[&*!?]|(?<!: )[[{]|\[(?!\])|\{(?!\}))|^%|["'\]}]#|[\t\uFEFF]/m;
// Every match of NOT_PLAIN holds one of these characters; most files hold none, and this plain
// scan costs a third of NOT_PLAIN's (its line starts and lookarounds are tried at every offset).
const MAYBE_NOT_PLAIN = /[&*!?[{%#\t\uFEFF]/;
// Where js-yaml and `yaml` read the same text differently (found by the property tests), in
// places a record never needs: such files are left to `yaml`.
// - A list item with nothing after its `-` (a null): after an item that opens a nested list on
//   its line ("- -"), js-yaml puts the items that follow into the nested list, where `yaml`
//   rightly keeps them in the outer one.
// - A block scalar with an explicit indentation (`|2`, `>1-`), or whose first line is spaces
//   alone: the two differ on such lines.
// - A line that begins with `---` or `...`: js-yaml reads a mapping on a document marker's line,
//   which `yaml` rejects, and "----" as a list.
const EMPTY_ITEM = /^ *(?:- +)*-(?: +#.*)? *\r?$/m;
const INDENTED_BLOCK = /[|>](?:[1-9][+-]?|[+-][1-9]) *(?:#.*)?\r?$|[|>][+-]? *(?:#.*)?\r?\n +\r?$/m;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/m;

/** The core schema's tests for plain scalars that are not strings, in the order `yaml` tries them. */
export const CORE_SCALAR_TAGS = new Schema({ schema: YAML_OPTIONS.schema }).tags.filter(
  (tag): tag is ScalarTag & { test: RegExp } => tag.default === true && 'test' in tag,
);

/**
 * The characters a plain scalar that is not a string begins with (null `~`, `null`; booleans;
 * numbers, `.inf`, `.nan`): most plain scalars are text and need no test at all.
 */
export const NON_STRING_START = new Set('~nNtTfF0123456789+-.');

const coreTagOf = (text: string) => CORE_SCALAR_TAGS.find((tag) => tag.test.test(text));

/**
 * The plain scalars resolved exactly as `yaml` resolves them (same tests, same order, same
 * values), so both parsers give one value for every plain file.
 */
const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:briefing.yaml-core', {
      kind: 'scalar',
      resolve: (text: string) =>
        (text === '' || NON_STRING_START.has(text[0]!)) && coreTagOf(text) !== undefined,
      construct: (text: string) => {
        const value = coreTagOf(text)!.resolve(text, () => undefined, { intAsBigInt: false });
        return isScalar(value) ? value.value : value;
      },
    }),
  ],
});

/**
 * The value of a file that is one YAML document of plain mappings, lists and scalars with no
 * duplicate keys; undefined for anything else (anchors, aliases, tags, directives, several
 * documents, invalid YAML), which the caller parses with `yaml` instead.
 */
export function readPlainYaml(text: string): { value: unknown } | undefined {
  if (MAYBE_NOT_PLAIN.test(text) && NOT_PLAIN.test(text)) return undefined;
  if (EMPTY_ITEM.test(text) || INDENTED_BLOCK.test(text) || DOCUMENT_MARKER.test(text)) {
    return undefined;
  }
  // Where each node being read began: the start of its line.
  const opened: number[] = [];
  try {
    // js-yaml rejects duplicate keys and a second document by default.
    const value = load(text, {
      schema: SCHEMA,
      listener: (event, state) => {
        if (event === 'open') opened.push(state.lineStart);
        else {
          const from = opened.pop()!;
          // Most scalars end on the line they began on: nothing more to check.
          if (state.kind === 'scalar' && state.lineStart !== from) {
            checkContinuationLines({ text, from, to: state.position });
          }
        }
      },
    });
    // Only mappings and lists: a scalar, or no document at all (js-yaml: undefined, `yaml`: null),
    // is left to `yaml`.
    if (value === null || typeof value !== 'object' || !keysAreText(value)) return undefined;
    return { value };
  } catch {
    return undefined;
  }
}

/**
 * js-yaml accepts a quoted scalar whose next line is not indented past the key it belongs
 * to; `yaml` rightly does not. So every line a scalar continues on must be indented past the
 * column where the content of its first line starts (after any `- ` item markers), or blank.
 */
function checkContinuationLines({ text, from, to }: { text: string; from: number; to: number }) {
  let line = text.indexOf('\n', from) + 1;
  if (line === 0 || line >= to) return;
  const column = contentColumn(text, from);
  for (; line > 0 && line < to; line = text.indexOf('\n', line) + 1) {
    let indent = line;
    while (text[indent] === ' ') indent += 1;
    const blank = text[indent] === '\n' || text[indent] === '\r' || indent >= text.length;
    if (!blank && indent - line <= column) throw new Error('continuation line not indented');
  }
}

/** The column of a line's content after its indentation and any `- ` item markers. */
function contentColumn(text: string, lineStart: number): number {
  let at = lineStart;
  for (;;) {
    while (text[at] === ' ') at += 1;
    if (text[at] === '-' && text[at + 1] === ' ') at += 2;
    else return at - lineStart;
  }
}

// Keys `yaml` keeps as written (stringKeys) but js-yaml resolves first: "~" becomes "null",
// "0x1f" "31", ".inf" "Infinity". A key that reads as such a value is left to `yaml`.
const RESOLVED_KEY = new Set(['Infinity', '-Infinity', 'NaN']);
// The core schema's only words that are not text: most keys begin with a letter and are none.
const KEY_WORDS = new Set([
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
]);

/** Whether a key would not be text to `yaml`'s core schema (checked by its first letter first). */
function readsAsValue(key: string): boolean {
  const lower = key.charCodeAt(0) | 32;
  if (lower >= 97 && lower <= 122) return KEY_WORDS.has(key) || RESOLVED_KEY.has(key);
  return RESOLVED_KEY.has(key) || (NON_STRING_START.has(key[0]!) && coreTagOf(key) !== undefined);
}

/** Whether every key, at every depth, is one js-yaml and `yaml` both read as the same text. */
function keysAreText(value: object): boolean {
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      if (item !== null && typeof item === 'object' && !keysAreText(item)) return false;
    }
    return true;
  }
  // (js-yaml's mappings are plain objects: `for…in` sees their own keys alone.)
  for (const key in value) {
    if (readsAsValue(key)) return false;
    const item = (value as Record<string, unknown>)[key];
    if (item !== null && typeof item === 'object' && !keysAreText(item)) return false;
  }
  return true;
}
