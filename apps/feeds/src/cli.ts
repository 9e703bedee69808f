#!/usr/bin/env node
// The briefing-feeds command in this process, or (build --daemon) as a request to the build
// daemon: that path loads none of the command's own modules, which are most of a new process's
// time (hence the one function it needs, imported alone).
import { userCwd } from '@briefing/repo/user-cwd';

const argv = process.argv.slice(2);
const run = argv.includes('--daemon')
  ? (await import('./daemon-client.js')).buildThroughDaemon
  : (await import('./command.js')).runInThisProcess;
run({ argv, cwd: userCwd() }).then((code) => {
  process.exitCode = code;
});
