import type { Readable } from 'node:stream';

/** What a command needs from the outside world; tests pass their own. */
export interface CommandContext {
  /** Directory that relative path arguments are resolved against. */
  cwd: string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  stdin?: Readable & { isTTY?: boolean };
  env?: Record<string, string | undefined>;
  /** Today's date YYYY-MM-DD, for revisions and relative dates; defaults to today in UTC. */
  today?: string;
}

/** A flag of a command, as node:util parseArgs takes it, with the words --help shows for it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** One line for --help. */
  description: string;
  /** Placeholder shown in --help for a string option, e.g. <dir>. */
  valueName?: string;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One `briefing <name>` subcommand: its flags, help text and the work it does. */
export interface Command {
  name: string;
  /** e.g. "validate [dir]" */
  usage: string;
  summary: string;
  /** Extra help lines (arguments). */
  details?: readonly string[];
  options: Record<string, OptionSpec>;
  allowPositionals: boolean;
  /** "0  …", "1  …", "2  …": what each exit code means. */
  exitCodes?: readonly string[];
  examples?: readonly string[];
  /** Resolves to the exit code; throws UsageError (exit 2) or InputError (exit 1). */
  run: (input: {
    values: OptionValues;
    positionals: string[];
    context: CommandContext;
  }) => Promise<number>;
}

/** A wrong invocation (unknown flag, missing argument): one line and a pointer to --help, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input the command cannot use (unreadable file, invalid record): one line, exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}
