import { EXTRACT_OPTIONS, runExtract } from '@briefing/authoring';
import type { Command } from './command.js';

export const extractCommand: Command = {
  name: 'extract',
  usage: 'extract <file|-> [options]',
  summary:
    'Draft briefing records from a news article (text, Markdown or HTML) into seeds/briefings/drafts/.',
  options: EXTRACT_OPTIONS,
  allowPositionals: true,
  parsesOwnArgs: true,
  run: ({ argv, context }) =>
    runExtract({
      argv,
      cwd: context.cwd,
      stdout: context.stdout,
      stderr: context.stderr,
      stdin: process.stdin,
    }),
};
