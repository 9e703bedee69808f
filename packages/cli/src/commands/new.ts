import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { BRIEFING_TYPES, THEMES, todayIso } from '@briefing/schema';
import { briefingToYaml } from '@briefing/schema/node';
import { scaffoldRecord, type ScaffoldInput } from '@briefing/authoring';
import { findRepoRoot, makeDirectory } from '@briefing/repo';
import {
  InputError,
  UsageError,
  type Command,
  type CommandContext,
  type OptionSpec,
} from './command.js';
import { shown } from './extract.js';
import { baseDir } from './io.js';
import { writeNewFileAtomic } from './write-new-file.js';

export const DEFAULT_RECORDS_DIR = 'seeds/briefings';

/** The flags of `briefing new`, with their help lines. */
export const NEW_OPTIONS = {
  id: {
    type: 'string',
    valueName: '<slug>',
    description: 'record id, kebab-case (default: actors and month, e.g. lavrov-pyongyang-2023-10)',
  },
  title: { type: 'string', valueName: '<text>', description: 'headline of the engagement' },
  summary: {
    type: 'string',
    valueName: '<text>',
    description: 'what happened, in a few plain sentences',
  },
  type: {
    type: 'string',
    valueName: '<type>',
    description: `kind of engagement: ${BRIEFING_TYPES.map((type) => type.id).join(', ')}`,
  },
  status: {
    type: 'string',
    valueName: '<status>',
    description:
      'announced, planned, occurred, postponed, cancelled or disputed (default: occurred if past, else planned)',
  },
  start: {
    type: 'string',
    valueName: '<date>',
    description: 'first day YYYY-MM-DD; YYYY-MM means month precision, YYYY year precision',
  },
  end: { type: 'string', valueName: '<date>', description: 'last day, inclusive (optional)' },
  precision: {
    type: 'string',
    valueName: '<day|month|year>',
    description: 'how precisely the dates are known (default: from --start)',
  },
  theme: {
    type: 'string',
    multiple: true,
    valueName: '<theme>',
    description: `theme: ${THEMES.map((theme) => theme.id).join(', ')}`,
  },
  actor: {
    type: 'string',
    multiple: true,
    valueName: '"Name|RUS|role|office"',
    description:
      'a person or body: name, ISO alpha-3 country, role (visitor, host, signatory, speaker, participant), office (optional)',
  },
  place: {
    type: 'string',
    multiple: true,
    valueName: '"Name|PRK[|lat|lon]"',
    description: 'a place: name, ISO alpha-3 country, optional coordinates',
  },
  'source-url': {
    type: 'string',
    valueName: '<url>',
    description: 'where the source can be read (http or https)',
  },
  'source-publisher': {
    type: 'string',
    valueName: '<name>',
    description: 'who published the source, e.g. TASS, KCNA',
  },
  'source-title': { type: 'string', valueName: '<text>', description: 'headline of the source' },
  confidence: {
    type: 'string',
    valueName: '<high|medium|low>',
    description: 'how sure the record is (default: medium)',
  },
  'confidence-note': {
    type: 'string',
    valueName: '<text>',
    description: 'doubts, and how they were settled',
  },
  out: {
    type: 'string',
    valueName: '<dir>',
    description: `directory to write <id>.yaml in (default: ${DEFAULT_RECORDS_DIR} in the repository)`,
  },
} as const satisfies Record<string, OptionSpec>;

export const newCommand: Command = {
  name: 'new',
  usage: 'new [options]',
  summary:
    'Create a briefing record from flags; on a terminal, asks for whatever required field the flags leave out. The record is checked against the schema and written as <out>/<id>.yaml; an existing file is never overwritten.',
  options: NEW_OPTIONS,
  allowPositionals: false,
  exitCodes: [
    '0  record written',
    '1  the record is not valid (each problem printed), or <id>.yaml already exists, or it could not be written',
    '2  usage error: unknown flag, extra argument, or required fields missing when not on a terminal',
  ],
  examples: [
    'pnpm briefing new --title "Lavrov visits Pyongyang" --type visit --start 2023-10-18 --end 2023-10-19 \\',
    '    --theme diplomacy --actor "Sergei Lavrov|RUS|visitor|Minister of Foreign Affairs" --place "Pyongyang|PRK|39.0392|125.7625" \\',
    '    --source-url https://tass.com/politics/1 --source-publisher TASS --source-title "Lavrov arrives in Pyongyang" \\',
    '    --summary "Foreign Minister Sergei Lavrov visited Pyongyang."',
    'pnpm briefing new      (on a terminal: asks for each field)',
  ],
  run: ({ values, context }) => create({ values: values as NewValues, io: context }),
};

type NewValues = {
  [K in keyof typeof NEW_OPTIONS]?: (typeof NEW_OPTIONS)[K] extends { multiple: true }
    ? string[]
    : string;
};

const REQUIRED: { key: keyof ScaffoldInput; flag: string; prompt: string; list?: boolean }[] = [
  { key: 'title', flag: '--title', prompt: 'Title' },
  {
    key: 'type',
    flag: '--type',
    prompt: `Type (${BRIEFING_TYPES.map((type) => type.id).join(', ')})`,
  },
  { key: 'start', flag: '--start', prompt: 'Start date (YYYY-MM-DD, YYYY-MM or YYYY)' },
  {
    key: 'themes',
    flag: '--theme',
    prompt: `Themes, comma-separated (${THEMES.map((theme) => theme.id).join(', ')})`,
    list: true,
  },
  {
    key: 'actors',
    flag: '--actor',
    prompt: 'Actor "Name|RUS|role|office" (empty line to finish)',
    list: true,
  },
  { key: 'sourceUrl', flag: '--source-url', prompt: 'Source URL' },
  { key: 'sourcePublisher', flag: '--source-publisher', prompt: 'Source publisher' },
  { key: 'sourceTitle', flag: '--source-title', prompt: 'Source title' },
  { key: 'summary', flag: '--summary', prompt: 'Summary' },
];

/** `briefing new`: builds a record from flags (or prompts), checks it, writes it; resolves to the exit code. */
async function create({ values, io }: { values: NewValues; io: CommandContext }): Promise<number> {
  const input: ScaffoldInput = {
    themes: (values.theme ?? [])
      .flatMap((theme) => theme.split(',').map((part) => part.trim()))
      .filter(Boolean),
    actors: values.actor ?? [],
    places: values.place ?? [],
    today: io.today ?? todayIso(),
    ...pick(values, {
      id: 'id',
      title: 'title',
      summary: 'summary',
      type: 'type',
      status: 'status',
      start: 'start',
      end: 'end',
      precision: 'precision',
      sourceUrl: 'source-url',
      sourcePublisher: 'source-publisher',
      sourceTitle: 'source-title',
      confidence: 'confidence',
      confidenceNote: 'confidence-note',
    }),
  };
  const missing = REQUIRED.filter(({ key }) => isMissing(input[key]));
  if (missing.length > 0) {
    if (io.stdin?.isTTY !== true) {
      throw new UsageError(
        `missing ${missing.map(({ flag }) => flag).join(', ')} (or run it on a terminal to be asked)`,
      );
    }
    await ask({ io, input, missing });
  }

  const base = baseDir(io);
  const repoRoot = findRepoRoot({ from: base });
  const outDir =
    values.out !== undefined
      ? resolve(base, values.out)
      : repoRoot !== undefined
        ? join(repoRoot, DEFAULT_RECORDS_DIR)
        : (() => {
            throw new UsageError(
              'no repository found above this directory (no pnpm-workspace.yaml): pass --out <dir>',
            );
          })();
  const result = scaffoldRecord({
    input,
    file: shown(base, join(outDir, `${input.id ?? '<id>'}.yaml`)),
  });
  if (!result.ok) {
    for (const problem of result.problems) io.stderr(problem);
    io.stderr(
      `briefing new: ${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}; nothing written`,
    );
    return 1;
  }
  const file = join(outDir, `${result.record.id}.yaml`);
  try {
    makeDirectory(outDir);
    if (!(await writeNewFileAtomic({ path: file, contents: briefingToYaml(result.record) }))) {
      throw new InputError(
        `${shown(base, file)} already exists; choose another --id or edit that file`,
      );
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `cannot write ${shown(base, file)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  io.stdout(`wrote ${shown(base, file)}`);
  return 0;
}

async function ask({
  io,
  input,
  missing,
}: {
  io: CommandContext;
  input: ScaffoldInput;
  missing: typeof REQUIRED;
}): Promise<void> {
  const lines = createInterface({ input: io.stdin!, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  const question = async (prompt: string) => {
    io.stdout(`${prompt}: `);
    const next = await iterator.next();
    if (next.done) throw new UsageError('input ended before every required field was given');
    return next.value.trim();
  };
  try {
    for (const field of missing) {
      if (field.key === 'themes') {
        input.themes = (await question(field.prompt))
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean);
      } else if (field.key === 'actors') {
        for (
          let answer = await question(field.prompt);
          answer !== '';
          answer = await question(field.prompt)
        ) {
          input.actors.push(answer);
        }
        if (input.places.length === 0) {
          for (
            let answer = await question('Place "Name|PRK[|lat|lon]" (empty line to finish)');
            answer !== '';
            answer = await question('Place "Name|PRK[|lat|lon]" (empty line to finish)')
          ) {
            input.places.push(answer);
          }
        }
      } else {
        const answer = await question(field.prompt);
        if (answer !== '') (input as unknown as Record<string, string>)[field.key] = answer;
      }
    }
  } finally {
    lines.close();
  }
}

function isMissing(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

function pick<K extends string>(
  values: Record<string, unknown>,
  keys: Record<K, string>,
): Partial<Record<K, string>> {
  const picked: Partial<Record<K, string>> = {};
  for (const [key, flag] of Object.entries(keys) as [K, string][]) {
    const value = values[flag];
    if (typeof value === 'string') picked[key] = value;
  }
  return picked;
}
