import { isAbsolute, relative, resolve } from 'node:path';
import { formatProblem, sortProblems } from '@briefing/schema';
import { loadBriefings } from '@briefing/schema/node';
import { commandRepoRoot } from '@briefing/repo';
import { UsageError, type Command } from './command.js';

export const DEFAULT_RECORDS_DIR = 'seeds/briefings';

/** Pure summary line: "12 records valid", "12 records valid, 2 warnings", "3 problems in 2 files". */
export function summarize({
  recordCount,
  problems,
  warningCount = 0,
}: {
  recordCount: number;
  problems: readonly { file?: string }[];
  warningCount?: number;
}): string {
  if (problems.length === 0) {
    const valid = `${recordCount} ${plural(recordCount, 'record')} valid`;
    return warningCount === 0
      ? valid
      : `${valid}, ${warningCount} ${plural(warningCount, 'warning')}`;
  }
  const files = new Set(problems.map((problem) => problem.file ?? '')).size;
  return `${problems.length} ${plural(problems.length, 'problem')} in ${files} ${plural(files, 'file')}`;
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate [dir]',
  summary: 'Check every <id>.yaml record in a directory; print every problem, exit 1 if any.',
  details: [
    `dir   directory of records (default: ${DEFAULT_RECORDS_DIR}), relative to where you ran the command`,
    'Each problem is one line: file:line  field.path: what was expected, what was found.',
  ],
  options: {
    root: {
      type: 'string',
      valueName: '<dir>',
      description:
        'repository root that `document:` sources are relative to (default: the repository you run the command in, wherever <dir> is)',
    },
    strict: {
      type: 'boolean',
      description:
        'treat warnings (a source URL that is a home page, a section page or a date archive) as problems',
    },
    quiet: {
      type: 'boolean',
      short: 'q',
      description: 'print only the problems, not the summary line',
    },
  },
  allowPositionals: true,
  async run({ values, positionals, context }) {
    if (positionals.length > 1) {
      throw new UsageError(
        `validate takes one directory, got ${positionals.length}: ${positionals.join(' ')}`,
      );
    }
    const dir = positionals[0] ?? DEFAULT_RECORDS_DIR;
    // Drafts in /tmp/drafts cite seeds/documents/… of the repository the command runs in.
    const root =
      typeof values.root === 'string'
        ? resolve(context.cwd, values.root)
        : commandRepoRoot({ cwd: context.cwd });
    // Problems name files the way the user can open them: relative to where they ran the command.
    const shown = isAbsolute(dir) ? dir : relative(context.cwd, resolve(context.cwd, dir)) || '.';
    const loaded = await loadBriefings({
      dir: shown,
      cwd: context.cwd,
      ...(root === undefined ? {} : { root }),
    });
    const { records } = loaded;
    // Under --strict a warning is a problem like any other; otherwise it is shown and passes.
    const strict = values.strict === true;
    const problems = strict
      ? sortProblems([...loaded.problems, ...loaded.warnings])
      : loaded.problems;
    const warnings = strict ? [] : loaded.warnings;
    for (const problem of problems) context.stdout(formatProblem(problem));
    for (const warning of warnings) context.stderr(`warning: ${formatProblem(warning)}`);
    if (records.length === 0 && problems.length === 0) {
      context.stderr(`no *.yaml records found in ${shown}`);
      return 1;
    }
    if (values.quiet !== true) {
      (problems.length === 0 ? context.stdout : context.stderr)(
        summarize({ recordCount: records.length, problems, warningCount: warnings.length }),
      );
    }
    return problems.length === 0 ? 0 : 1;
  },
};
