/** One thing wrong with the data, located as precisely as it can be. */
export interface Problem {
  /** The file the problem is in, as the user named it (e.g. seeds/briefings/x.yaml). */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  /** The id of the record, when it could be read. */
  recordId?: string;
  /** Field path such as `sources[0].url`; empty for the record or file as a whole. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

/** A path such as ['sources', 0, 'url'] written as `sources[0].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line: `seeds/briefings/x.yaml:12  sources[0].url: expected an http(s) URL, got "javascript:…"`. */
export function formatProblem(problem: Problem): string {
  const where =
    problem.file === undefined
      ? problem.recordId !== undefined
        ? `record ${problem.recordId}`
        : ''
      : problem.line === undefined
        ? problem.file
        : `${problem.file}:${problem.line}`;
  const what = problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
  const line = where === '' ? what : `${where}  ${what}`;
  // Messages quote record text, which is untrusted: control characters could break the line
  // or drive the terminal (ANSI escapes), bidi controls could disguise it. Show them escaped.
  return line.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Problems in a stable order: by file, then line, then path. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compare(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compare(a.path, b.path) ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
