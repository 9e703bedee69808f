// Keeps a store up to date with its folder. Events name the entries that changed; bursts are
// merged. The folder itself is watched from its parent, and checked on a timer as well, so a
// folder deleted and recreated, or swapped by a rename, is found again and indexed anew.
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Store } from './store.js';

/**
 * More events than this between two updates, and every entry is looked at: the system drops
 * events when its queue overflows (16,384 by default) without telling, as can happen while the
 * thread is busy during a large checkout, and a look at every entry is cheap beside that many
 * changes.
 */
export const MAX_FOLDER_EVENTS = 1000;

export interface WatchOptions {
  store: Store;
  /** Quiet time after the last event before the changes are applied, in ms (default 30). */
  debounceMs?: number;
  /** Longest a burst of events may hold changes back, in ms (default 300). */
  maxWaitMs?: number;
  /** How often the folder is checked even without events, in ms (default 1000). */
  pollMs?: number;
}

export interface StoreWatcher {
  /** Stops watching (closing the store stops its watchers too). */
  close(): Promise<void>;
}

/** Watches a store's folder and applies each change to the index as it happens. */
export function watchStore({
  store,
  debounceMs = 30,
  maxWaitMs = 300,
  pollMs = 1000,
}: WatchOptions): StoreWatcher {
  const watcher = new FolderWatcher({ store, debounceMs, maxWaitMs, pollMs });
  watcher.start();
  return watcher;
}

class FolderWatcher implements StoreWatcher {
  readonly #store: Store;
  readonly #debounceMs: number;
  readonly #maxWaitMs: number;
  readonly #pollMs: number;
  #folderWatcher: FSWatcher | undefined;
  #parentWatcher: FSWatcher | undefined;
  /** The folder being watched, as `dev:ino:birthtime` (undefined while it is missing). */
  #identity: string | undefined;
  #names = new Set<string>();
  #events = 0;
  #full = false;
  #timer: NodeJS.Timeout | undefined;
  #burstStart: number | undefined;
  #poll: NodeJS.Timeout | undefined;
  #closed = false;
  #removeCloser: (() => void) | undefined;

  constructor(options: Required<WatchOptions>) {
    this.#store = options.store;
    this.#debounceMs = options.debounceMs;
    this.#maxWaitMs = options.maxWaitMs;
    this.#pollMs = options.pollMs;
  }

  start(): void {
    this.#removeCloser = this.#store.addCloser(() => this.close());
    // Edits come next: their checks are compiled on this thread beforehand.
    void this.#store.upToDate.then(
      () => (this.#closed ? undefined : this.#store.warmChecks()),
      () => {},
    );
    this.#attach();
    this.#watchParent();
    this.#poll = setInterval(() => this.#check({ replaced: false }), this.#pollMs);
  }

  /** Watches the folder as it is now (a new watcher: the old one may watch a deleted folder). */
  #attach(): void {
    this.#folderWatcher?.close();
    this.#folderWatcher = undefined;
    this.#identity = folderIdentity(this.#store.dir);
    if (this.#identity === undefined) return;
    try {
      const watcher = watch(this.#store.dir, (_event, name) => this.#onEvent(name));
      watcher.on('error', () => {
        watcher.close();
        if (this.#folderWatcher === watcher) this.#folderWatcher = undefined;
        this.#check({ replaced: false });
      });
      this.#folderWatcher = watcher;
    } catch {
      this.#identity = undefined;
    }
  }

  #watchParent(): void {
    if (this.#parentWatcher !== undefined) return;
    const name = basename(this.#store.dir);
    try {
      const watcher = watch(dirname(this.#store.dir), (event, entry) => {
        // A rename of the folder's own name: deleted, created, or swapped for another.
        if (event === 'rename' && (entry === null || entry === name))
          this.#check({ replaced: true });
      });
      watcher.on('error', () => {
        watcher.close();
        if (this.#parentWatcher === watcher) this.#parentWatcher = undefined;
      });
      this.#parentWatcher = watcher;
    } catch {
      // The parent is missing too: the timer keeps checking.
    }
  }

  /** Looks at the folder; when it is another one than the one watched, watches and indexes it anew. */
  #check({ replaced }: { replaced: boolean }): void {
    if (this.#closed) return;
    this.#watchParent();
    this.#store.checkFolder();
    const now = folderIdentity(this.#store.dir);
    if (now === undefined) {
      // Lost: stop watching the old folder; the store keeps serving what it indexed.
      this.#folderWatcher?.close();
      this.#folderWatcher = undefined;
      this.#identity = undefined;
      return;
    }
    if (replaced || now !== this.#identity || this.#folderWatcher === undefined) {
      this.#attach();
      this.#full = true;
      this.#schedule();
    }
  }

  #onEvent(name: string | null): void {
    this.#events++;
    if (name === null || this.#events > MAX_FOLDER_EVENTS) this.#full = true;
    else this.#names.add(name);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#closed) return;
    const now = Date.now();
    this.#burstStart ??= now;
    clearTimeout(this.#timer);
    const wait = Math.max(0, Math.min(this.#debounceMs, this.#burstStart + this.#maxWaitMs - now));
    this.#timer = setTimeout(() => this.#flush(), wait);
  }

  #flush(): void {
    this.#burstStart = undefined;
    // Events can come from a folder that was just swapped away: look at the folder first.
    if (folderIdentity(this.#store.dir) !== this.#identity) this.#check({ replaced: true });
    const full = this.#full;
    const names = this.#names;
    this.#full = false;
    this.#events = 0;
    this.#names = new Set();
    if (this.#closed || (!full && names.size === 0)) return;
    this.#store.sync(full ? {} : { names }).catch((error: unknown) => {
      if (!this.#closed) {
        this.#store.logger.error(`cannot update the index: ${(error as Error).message}`);
      }
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    clearInterval(this.#poll);
    this.#folderWatcher?.close();
    this.#parentWatcher?.close();
    this.#removeCloser?.();
  }
}

/** Which folder is at `path` now: device, inode and birth time (an inode number can be reused). */
export function folderIdentity(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? `${stat.dev}:${stat.ino}:${stat.birthtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}
