#!/usr/bin/env node
// The briefing-feeds command in this process, or (build --daemon) as a request to the build
// daemon: that path loads none of the command's own modules, which are most of a new process's
// time (hence the one function it needs, imported alone).
import { userCwd } from '@briefing/repo/user-cwd';

const argv = process.argv.slice(2);
const cwd = userCwd();
if (argv.includes('--daemon')) {
  const { buildThroughDaemon } = await import('./daemon-client.js');
  process.exitCode = await buildThroughDaemon({ argv, cwd });
} else {
  const { runCommand } = await import('./command.js');
  runCommand(argv, {
    cwd,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
