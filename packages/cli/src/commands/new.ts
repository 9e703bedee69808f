import { NEW_OPTIONS, runNew } from '@briefing/authoring';
import type { Command } from './command.js';

export const newCommand: Command = {
  name: 'new',
  usage: 'new [options]',
  summary: 'Create a briefing record from flags, or answer prompts on a terminal.',
  options: NEW_OPTIONS,
  allowPositionals: false,
  parsesOwnArgs: true,
  run: ({ argv, context }) =>
    runNew({
      argv,
      cwd: context.cwd,
      stdout: context.stdout,
      stderr: context.stderr,
      stdin: process.stdin,
    }),
};
