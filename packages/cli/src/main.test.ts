import { describe, expect, it } from 'vitest';
import type { Command } from './commands/index.js';
import { main } from './main.js';

/** Runs main with captured output. */
async function capture(argv: string[], commands?: readonly Command[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main({
    argv,
    context: { cwd: '/', stdout: (line) => out.push(line), stderr: (line) => err.push(line) },
    ...(commands === undefined ? {} : { commands }),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const echo: Command = {
  name: 'echo',
  usage: 'echo <words…>',
  summary: 'Print the words.',
  options: { upper: { type: 'boolean', short: 'u', description: 'shout' } },
  allowPositionals: true,
  run: async ({ values, positionals, context }) => {
    const text = positionals.join(' ');
    context.stdout(values.upper === true ? text.toUpperCase() : text);
    return 0;
  },
};
const broken: Command = {
  name: 'broken',
  usage: 'broken',
  summary: 'Fails.',
  options: {},
  allowPositionals: false,
  run: async () => {
    throw new Error('disk on fire');
  },
};

describe('main', () => {
  it('dispatches to a command from the table with its parsed flags', async () => {
    expect(await capture(['echo', '-u', 'hello', 'there'], [echo])).toEqual({
      code: 0,
      out: 'HELLO THERE',
      err: '',
    });
  });

  it('lists every command in the general help', async () => {
    const { code, out } = await capture(['--help'], [echo, broken]);
    expect(code).toBe(0);
    expect(out).toContain('echo <words…>  Print the words.');
    expect(out).toContain('broken         Fails.');
  });

  it('prints a one-line message and exits 1 when a command throws', async () => {
    expect(await capture(['broken'], [broken])).toEqual({
      code: 1,
      out: '',
      err: 'briefing broken: disk on fire',
    });
  });

  it('refuses positionals to a command that takes none', async () => {
    const { code, err } = await capture(['broken', 'x'], [broken]);
    expect(code).toBe(2);
    expect(err).toContain("Unexpected argument 'x'");
    expect(err).toMatch(/^briefing broken: .* \(see briefing broken --help\)$/);
  });

  it('writes every command help in one format: usage, options, exit codes, examples', async () => {
    const { out } = await capture(
      ['echo', '--help'],
      [{ ...echo, exitCodes: ['0  ok'], examples: ['briefing echo hi'] }],
    );
    expect(out).toMatch(
      /^Usage: briefing echo .*\n\n.*\n\nOptions:\n(  .*\n)+\nExit codes:\n  0  ok\n\nExamples:\n  briefing echo hi$/,
    );
  });
});
