import type { Command } from './command.js';
import { extractCommand } from './extract.js';
import { newCommand } from './new.js';
import { validateCommand } from './validate.js';

export type { Command, CommandContext, OptionSpec } from './command.js';
export { InputError, UsageError } from './command.js';

/** Every `briefing` subcommand; a new command is one file and one line here. */
export const COMMANDS: readonly Command[] = [validateCommand, extractCommand, newCommand];
