// Runs `extract` or `new` as the CLI would, for the end-to-end tests; not a published bin.
import { runExtract, runNew } from './index.js';

const [command, ...argv] = process.argv.slice(2);
const io = {
  argv,
  cwd: process.cwd(),
  stdout: (line: string) => process.stdout.write(`${line}\n`),
  stderr: (line: string) => process.stderr.write(`${line}\n`),
  stdin: process.stdin,
  ...(process.env['BRIEFING_TODAY'] !== undefined && { today: process.env['BRIEFING_TODAY'] }),
};
const run = command === 'extract' ? runExtract : command === 'new' ? runNew : undefined;
if (run === undefined) {
  process.stderr.write('usage: bin-for-tests.ts extract|new …\n');
  process.exitCode = 2;
} else {
  process.exitCode = await run(io);
}
