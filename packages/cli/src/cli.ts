#!/usr/bin/env node
import { userCwd } from '@briefing/repo';
import { main } from './main.js';

// pnpm runs scripts from the package directory: resolve paths from where the user typed the command.
const cwd = userCwd();

main({
  argv: process.argv.slice(2),
  context: {
    cwd,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    stdin: process.stdin,
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`briefing: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
