// Run by crash.test.ts: opens a store and, halfway through writing its first update, tells
// the parent and stops dead inside the open transaction, so the parent can SIGKILL it there.
import { writeSync } from 'node:fs';
import { silentLogger } from '../logger.js';
import { openStore } from '../store.js';

const [dir, cacheDir, when] = process.argv.slice(2) as [string, string, 'halfway' | 'first'];
await openStore({
  dir,
  cacheDir,
  logger: silentLogger,
  onProgress: ({ phase, done, total }) => {
    const now = when === 'first' ? done > 0 : done >= total / 2;
    if (phase === 'index' && now && done < total) {
      writeSync(1, 'in the middle of an update\n');
      // On this thread the update stops here; in a worker thread it goes on until the kill.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
  },
});
writeSync(1, 'finished without stopping\n');
