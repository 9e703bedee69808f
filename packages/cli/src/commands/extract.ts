import { existsSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { formatDateRange, HttpUrl, IsoDate, todayIso } from '@briefing/schema';
import { briefingToYaml, parseBriefingYaml } from '@briefing/schema/node';
import {
  ExtractError,
  extractDrafts,
  formatFromPath,
  type ArticleFormat,
} from '@briefing/authoring';
import { findRepoRoot, makeDirectory } from '@briefing/repo';
import {
  InputError,
  UsageError,
  type Command,
  type CommandContext,
  type OptionSpec,
} from './command.js';
import { baseDir, MAX_INPUT_BYTES, readArticleInput } from './io.js';
import { writeDraft, type DraftWrite } from './write-draft.js';

export const DEFAULT_DRAFTS_DIR = 'seeds/briefings/drafts';

/** The flags of `briefing extract`, with their help lines. */
export const EXTRACT_OPTIONS = {
  out: {
    type: 'string',
    valueName: '<dir>',
    description: `directory for the drafts (default: ${DEFAULT_DRAFTS_DIR} in the repository)`,
  },
  'reference-date': {
    type: 'string',
    valueName: '<YYYY-MM-DD>',
    description:
      "the article's date, for days, months and relative dates without a year (default: its <meta>/<time>, front matter date or dateline)",
  },
  'source-url': {
    type: 'string',
    valueName: '<url>',
    description:
      "where the article can be read (http or https); default: the article's own canonical link, og:url or front matter url; required when there is none, unless the file is under seeds/documents/",
  },
  'source-publisher': {
    type: 'string',
    valueName: '<name>',
    description: 'who published the article (default: from its metadata, else the URL host)',
  },
  'source-title': {
    type: 'string',
    valueName: '<text>',
    description: "the article's headline (default: from its metadata or first line)",
  },
  format: {
    type: 'string',
    valueName: '<text|markdown|html>',
    description:
      'how to read the input (default: from the file extension: .html/.htm, .md/.markdown, else text)',
  },
} as const satisfies Record<string, OptionSpec>;

export const extractCommand: Command = {
  name: 'extract',
  usage: 'extract <file|-> [options]',
  summary:
    'Draft briefing records from a news article (plain text, Markdown or HTML; - reads standard input). Each draft is checked against the schema and written as <id>.yaml, confidence low, with a note of the sentence each field came from. An existing file is never overwritten: it is reported and skipped.',
  options: EXTRACT_OPTIONS,
  allowPositionals: true,
  exitCodes: [
    '0  drafts written (or all of them already existed and were skipped)',
    `1  bad input: unreadable, empty, binary or non-UTF-8 file, over ${MAX_INPUT_BYTES / 1024 / 1024} MiB, no engagement found, no date for any engagement; or a draft could not be written`,
    '2  usage error: unknown flag, missing or extra argument, bad --format, --reference-date or --source-url, or no --source-url for a file outside seeds/documents/',
  ],
  examples: [
    'pnpm briefing extract seeds/documents/000_de4160cc50d9890e.txt --reference-date 2023-10-16',
    'pnpm briefing extract article.html --source-url https://example.org/news/1 --out /tmp/drafts',
  ],
  run: async ({ values, positionals, context }) => {
    try {
      return await extract({ values: values as ExtractValues, positionals, io: context });
    } catch (error) {
      if (error instanceof ExtractError) throw new InputError(error.message);
      throw error;
    }
  },
};

type ExtractValues = {
  [K in keyof typeof EXTRACT_OPTIONS]?: string;
};

async function extract({
  values,
  positionals,
  io,
}: {
  values: ExtractValues;
  positionals: string[];
  io: CommandContext;
}): Promise<number> {
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'expected the article to read: a file, or - for standard input'
        : `expected one article, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  const input = positionals[0]!;
  const base = baseDir(io);
  const path = input === '-' ? undefined : resolve(base, input);
  const format = parseFormat(values.format, path);
  const referenceDate = values['reference-date'];
  if (referenceDate !== undefined && !IsoDate.safeParse(referenceDate).success) {
    throw new UsageError(
      `--reference-date: expected YYYY-MM-DD, got ${JSON.stringify(referenceDate)}`,
    );
  }
  const sourceUrl = values['source-url'];
  if (sourceUrl !== undefined && !HttpUrl.safeParse(sourceUrl).success) {
    throw new UsageError(`--source-url: expected an http(s) URL, got ${JSON.stringify(sourceUrl)}`);
  }
  // A missing file is the first thing to say, before what its source would need.
  if (path !== undefined && !existsSync(path)) {
    throw new InputError(`${shown(base, path)}: cannot read the article: no such file`);
  }
  const repoRoot = findRepoRoot({ from: base });
  const documentPath =
    path === undefined || repoRoot === undefined ? undefined : documentPathOf({ path, repoRoot });
  const outDir =
    values.out !== undefined
      ? resolve(base, values.out)
      : repoRoot !== undefined
        ? join(repoRoot, DEFAULT_DRAFTS_DIR)
        : (() => {
            throw new UsageError(
              'no repository found above this directory (no pnpm-workspace.yaml): pass --out <dir>',
            );
          })();

  const name = path === undefined ? 'standard input' : shown(base, path);
  const text = await readArticleInput({
    ...(path !== undefined && { path }),
    ...(io.stdin && { stdin: io.stdin }),
    name,
  });
  const today = io.today ?? todayIso();
  const result = extractWithSource({
    sourceMissing: () =>
      new UsageError(
        `--source-url is required: a draft's source must say where the article can be read, and ${
          path === undefined ? 'standard input' : shown(base, path)
        } is not kept under seeds/documents/ and gives no URL of its own (canonical link, og:url, front matter url)`,
      ),
    text,
    format,
    today,
    ...(referenceDate !== undefined && { referenceDate }),
    ...(sourceUrl !== undefined && { sourceUrl }),
    ...(documentPath !== undefined && { documentPath }),
    ...(values['source-publisher'] !== undefined && { publisher: values['source-publisher'] }),
    ...(values['source-title'] !== undefined && { sourceTitle: values['source-title'] }),
  });
  for (const warning of result.warnings) io.stderr(`note: ${warning}`);

  // Render and re-check every draft before writing any, so a failure leaves no partial set.
  for (const record of result.drafts) {
    const file = join(outDir, `${record.id}.yaml`);
    const { problems } = parseBriefingYaml({
      text: briefingToYaml(record),
      file: shown(base, file),
    });
    if (problems.length > 0) {
      throw new Error(
        `bug: the draft ${record.id} does not read back: ${problems[0]!.path}: ${problems[0]!.message}`,
      );
    }
  }
  try {
    makeDirectory(outDir);
  } catch (error) {
    throw new InputError(
      `cannot create ${shown(base, outDir)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  let written = 0;
  for (const draft of result.drafts) {
    let outcome: DraftWrite;
    try {
      outcome = await writeDraft({ dir: outDir, record: draft });
    } catch (error) {
      throw new InputError(
        `cannot write ${shown(base, join(outDir, `${draft.id}.yaml`))}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
    const { record, file } = outcome;
    const what = `${record.title} (${formatDateRange(record.date)}, ${record.status})`;
    if (!outcome.written) {
      io.stdout(`skipped ${shown(base, file)}: already drafted from this source (${what})`);
      continue;
    }
    if (record.id !== draft.id) {
      io.stderr(
        `note: ${draft.id}.yaml holds a draft from another source: this one is ${record.id}.yaml (same engagement? compare them)`,
      );
    }
    written += 1;
    io.stdout(`wrote ${shown(base, file)}: ${what}`);
    if (
      repoRoot !== undefined &&
      existsSync(join(repoRoot, 'seeds', 'briefings', `${record.id}.yaml`))
    ) {
      io.stderr(
        `note: seeds/briefings/${record.id}.yaml already exists: compare the draft with it before publishing`,
      );
    }
  }
  io.stdout(
    `${written} ${written === 1 ? 'draft' : 'drafts'} written, ${result.drafts.length - written} skipped${
      result.reference ? ` (reference date ${result.reference.date}, ${result.reference.from})` : ''
    }`,
  );
  return 0;
}

function parseFormat(value: string | undefined, path: string | undefined): ArticleFormat {
  if (value === undefined) return path === undefined ? 'text' : formatFromPath({ path });
  if (value === 'text' || value === 'markdown' || value === 'html') return value;
  throw new UsageError(`--format: expected text, markdown or html, got ${JSON.stringify(value)}`);
}

/** "seeds/documents/<name>" when the file is kept there, as a source's `document` field wants. */
function documentPathOf({
  path,
  repoRoot,
}: {
  path: string;
  repoRoot: string;
}): string | undefined {
  const inside = relative(join(repoRoot, 'seeds', 'documents'), path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.includes(sep))
    return undefined;
  return /^[A-Za-z0-9._-]+$/.test(basename(path)) ? `seeds/documents/${basename(path)}` : undefined;
}

/** A path as the user would type it: relative to where they ran the command, unless far off. */
export function shown(base: string, path: string): string {
  const rel = relative(base, path);
  if (rel === '') return '.';
  const ups = rel.split(sep).filter((part) => part === '..').length;
  return isAbsolute(rel) || ups > 2 ? path : rel;
}

/** extractDrafts, with a missing source reported as a usage error (the flag that was needed). */
function extractWithSource({
  sourceMissing,
  ...options
}: Parameters<typeof extractDrafts>[0] & { sourceMissing: () => UsageError }) {
  try {
    return extractDrafts(options);
  } catch (error) {
    if (error instanceof ExtractError && error.reason === 'no-source') throw sourceMissing();
    throw error;
  }
}
