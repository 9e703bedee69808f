import type { ParseArgsConfig } from 'node:util';

/** What a command needs from the outside world; tests pass their own. */
export interface CommandContext {
  /** Directory that relative path arguments are resolved against. */
  cwd: string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & {
  /** One line for --help. */
  description: string;
  /** Placeholder shown in --help for a string option, e.g. <dir>. */
  valueName?: string;
};

/** One `briefing <name>` subcommand: its flags, help text and the work it does. */
export interface Command {
  name: string;
  /** e.g. "validate [dir]" */
  usage: string;
  summary: string;
  /** Extra help lines (arguments, examples). */
  details?: readonly string[];
  options: Record<string, OptionSpec>;
  allowPositionals: boolean;
  /**
   * Set for a command that parses its own arguments and prints its own --help (e.g. one
   * implemented in another package): it then gets `argv` as typed, and `options` is unused.
   */
  parsesOwnArgs?: boolean;
  /** Resolves to the exit code. */
  run: (input: {
    values: Record<string, string | boolean | (string | boolean)[] | undefined>;
    positionals: string[];
    /** The arguments after the command name, unparsed. */
    argv: string[];
    context: CommandContext;
  }) => Promise<number>;
}

/** Thrown for a wrong invocation: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
