import { parseArgs } from 'node:util';
import { COMMANDS, UsageError, type Command, type CommandContext } from './commands/index.js';
import { commandHelp, generalHelp } from './help.js';

/** Runs `briefing <args>` and resolves to the exit code: 0 ok, 1 problems found, 2 wrong usage. */
export async function main({
  argv,
  context,
  commands = COMMANDS,
}: {
  argv: readonly string[];
  context: CommandContext;
  commands?: readonly Command[];
}): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    (name === undefined ? context.stderr : context.stdout)(generalHelp(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  const prefix = command === undefined ? 'briefing' : `briefing ${command.name}`;
  try {
    if (command === undefined) {
      throw new UsageError(
        `unknown command "${name}"; expected one of: ${commands.map((c) => c.name).join(', ')}`,
      );
    }
    const options = Object.fromEntries(
      Object.entries(command.options).map(([key, { description: _d, valueName: _v, ...spec }]) => [
        key,
        spec,
      ]),
    );
    let parsed;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: { ...options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: command.allowPositionals,
        strict: true,
      });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    if (parsed.values.help === true) {
      context.stdout(commandHelp(command));
      return 0;
    }
    return await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      context,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr(`${prefix}: ${error.message} (see ${prefix} --help)`);
      return 2;
    }
    // InputError or anything unexpected: never a stack trace, one line a user can act on or report.
    context.stderr(`${prefix}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
