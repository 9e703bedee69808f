// The build daemon's process, started by a `build --daemon` client that found none:
//   node daemon-main.js <socket>
// Its output goes to the log beside the socket. It stops after $BRIEFING_FEEDS_DAEMON_IDLE
// seconds without a build (default 600).
import { rmSync } from 'node:fs';
import { serveBuilds } from './build-daemon.js';
import { connectTo } from './daemon-socket.js';

const [socket] = process.argv.slice(2);
if (socket === undefined) {
  process.stderr.write('usage: daemon-main <socket>\n');
  process.exit(2);
}
const seconds = Number(process.env.BRIEFING_FEEDS_DAEMON_IDLE);
const idleMs = 1000 * (seconds > 0 ? seconds : 600);

let daemon: Awaited<ReturnType<typeof serveBuilds>>;
try {
  daemon = await serveBuilds({ socket, idleMs });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  // Two clients started a daemon at once: the other one serves.
  const other = await connectTo(socket);
  other?.destroy();
  if (other !== undefined) process.exit(0);
  // Else the file is left from a daemon that died.
  rmSync(socket, { force: true });
  daemon = await serveBuilds({ socket, idleMs });
}
process.stderr.write(`${new Date().toISOString()} build daemon ${process.pid} on ${socket}\n`);
await daemon.stopped;
process.stderr.write(`${new Date().toISOString()} build daemon ${process.pid} stopped\n`);
// The index's background threads would otherwise keep the process alive.
process.exit(0);
