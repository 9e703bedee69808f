import type { Command } from './commands/command.js';

/** `briefing --help`: every command. */
export function generalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.usage.length));
  return [
    'Usage: briefing <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: briefing <command> --help)',
    '',
    'Run `briefing <command> --help` for the options of a command.',
  ].join('\n');
}

/** `briefing <command> --help`: usage, arguments, every flag, exit codes and examples. */
export function commandHelp(command: Command): string {
  const flags = Object.entries(command.options).map(([name, option]) => {
    const short = option.short === undefined ? '    ' : `-${option.short}, `;
    const value = option.type === 'string' ? ` ${option.valueName ?? '<value>'}` : '';
    const repeat = option.multiple === true ? ' (repeatable)' : '';
    return { left: `${short}--${name}${value}`, description: `${option.description}${repeat}` };
  });
  flags.push({ left: '-h, --help', description: 'show this help' });
  const width = Math.max(...flags.map((flag) => flag.left.length));
  const section = (title: string, lines: readonly string[] | undefined) =>
    lines === undefined || lines.length === 0
      ? []
      : ['', `${title}:`, ...lines.map((l) => `  ${l}`)];
  return [
    `Usage: briefing ${command.usage}`,
    '',
    command.summary,
    ...(command.details === undefined ? [] : ['', ...command.details.map((line) => `  ${line}`)]),
    '',
    'Options:',
    ...flags.map((flag) => `  ${flag.left.padEnd(width)}  ${flag.description}`),
    ...section('Exit codes', command.exitCodes),
    ...section('Examples', command.examples),
  ].join('\n');
}
