/** A parseArgs option with the words --help shows for it. */
export interface OptionHelp {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  description: string;
  valueName?: string;
}

/** The text of a command's --help: usage, summary, every flag, exit codes, examples. */
export function formatHelp({
  usage,
  summary,
  options,
  exitCodes,
  examples,
}: {
  usage: string;
  summary: string;
  options: Record<string, OptionHelp>;
  exitCodes: string[];
  examples: string[];
}): string {
  const flags = Object.entries(options).map(([name, option]) => {
    const short = option.short ? `-${option.short}, ` : '    ';
    const value = option.type === 'string' ? ` ${option.valueName ?? '<value>'}` : '';
    const repeat = option.multiple ? ' (repeatable)' : '';
    return { left: `  ${short}--${name}${value}`, right: `${option.description}${repeat}` };
  });
  const width = Math.max(...flags.map((flag) => flag.left.length)) + 2;
  return [
    `Usage: ${usage}`,
    '',
    summary,
    '',
    'Options:',
    ...flags.map((flag) => `${flag.left.padEnd(width)}${flag.right}`),
    '',
    'Exit codes:',
    ...exitCodes.map((line) => `  ${line}`),
    '',
    'Examples:',
    ...examples.map((line) => `  ${line}`),
  ].join('\n');
}
