import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';

/**
 * Call `onChange` once a burst of changes to the records in `dir` has settled. Rebuilds never
 * overlap: a change during a rebuild schedules one more. Resolves once the watcher is ready,
 * so that a change made after that is never taken for part of the initial scan.
 */
export function watchRecords({
  dir,
  onChange,
  debounceMs = 200,
}: {
  dir: string;
  onChange: () => Promise<void>;
  debounceMs?: number;
}): Promise<FSWatcher> {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await onChange();
    } finally {
      running = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };
  const watcher = watch(dir, { ignoreInitial: true, depth: 0 });
  watcher.on('all', (_event, path) => {
    if (!path.endsWith('.yaml')) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  });
  return new Promise((ready, fail) => {
    watcher.once('ready', () => ready(watcher));
    watcher.once('error', fail);
  });
}
