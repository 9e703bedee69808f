// Run by crash.test.ts: opens a store and, halfway through writing its first update, tells
// the parent and stops dead inside the open transaction, so the parent can SIGKILL it there.
import { writeSync } from 'node:fs';
import { silentLogger } from '../logger.js';
import { openStore } from '../store.js';

const [dir, cacheDir] = process.argv.slice(2) as [string, string];
await openStore({
  dir,
  cacheDir,
  logger: silentLogger,
  onProgress: ({ phase, done, total }) => {
    if (phase === 'index' && done >= total / 2 && done < total) {
      writeSync(1, 'in the middle of an update\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
  },
});
writeSync(1, 'finished without stopping\n');
