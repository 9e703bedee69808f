// Shared by the command tests: a throwaway repository and a captured command run.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../main.js';
import type { CommandContext } from './command.js';

type CommandIo = CommandContext & { argv: readonly string[] };

/** `briefing extract <argv>` as the CLI runs it: resolves to the exit code. */
export function runExtract({ argv, ...context }: CommandIo): Promise<number> {
  return main({ argv: ['extract', ...argv], context });
}

/** `briefing new <argv>` as the CLI runs it: resolves to the exit code. */
export function runNew({ argv, ...context }: CommandIo): Promise<number> {
  return main({ argv: ['new', ...argv], context });
}

export const FOUNDING = new URL(
  '../../../../seeds/documents/000_de4160cc50d9890e.txt',
  import.meta.url,
);

const made: string[] = [];

/** A temporary directory, removed by `removeTempDirs`. */
export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-authoring-'));
  made.push(dir);
  return dir;
}

/** Removes every directory made by `makeTempDir` and `makeRepo`; call it in afterEach. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A temporary repository root (pnpm-workspace.yaml) holding the founding document. */
export async function makeRepo(): Promise<string> {
  const root = await makeTempDir();
  await writeFile(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
  await mkdir(join(root, 'seeds', 'documents'), { recursive: true });
  await cp(FOUNDING, join(root, 'seeds', 'documents', '000_de4160cc50d9890e.txt'));
  return root;
}

export interface Captured {
  code: number;
  stdout: string[];
  stderr: string[];
}

/** Runs a command handler with its output captured; `cwd` is also INIT_CWD. */
export async function runCaptured(
  handler: (io: CommandIo) => Promise<number>,
  {
    argv,
    cwd,
    stdin,
    stdinIsTty = false,
  }: { argv: string[]; cwd: string; stdin?: string | Buffer | string[]; stdinIsTty?: boolean },
): Promise<Captured> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let input: (Readable & { isTTY?: boolean }) | undefined;
  if (stdin !== undefined) {
    input = Readable.from(Array.isArray(stdin) ? [stdin.join('\n') + '\n'] : [stdin]);
    input.isTTY = stdinIsTty;
  }
  const code = await handler({
    argv,
    cwd,
    env: { INIT_CWD: cwd },
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    today: '2026-11-27',
    ...(input && { stdin: input }),
  });
  return { code, stdout, stderr };
}
