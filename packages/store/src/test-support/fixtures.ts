// The one fixture builder of this package's tests: a temporary data folder, a store on it with
// its own cache folder, and a logger that keeps what it was told.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { briefingToYaml, type Briefing } from '@briefing/schema/node';
import { makeBriefing, makeTempDir } from '@briefing/schema/testing';
import type { Logger } from '../logger.js';
import { openStore, type Store, type StoreOptions } from '../store.js';

/** A logger that keeps every line and can wait for one. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  readonly #waiting = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();

  info(message: string): void {
    this.#add(`info: ${message}`);
  }
  warn(message: string): void {
    this.#add(`warn: ${message}`);
  }
  error(message: string): void {
    this.#add(`error: ${message}`);
  }

  #add(line: string): void {
    this.lines.push(line);
    for (const waiter of this.#waiting) {
      if (waiter.pattern.test(line)) {
        this.#waiting.delete(waiter);
        waiter.resolve(line);
      }
    }
  }

  /** Resolves with the first line (logged from now on) that matches. */
  next(pattern: RegExp): Promise<string> {
    return new Promise((resolve) => this.#waiting.add({ pattern, resolve }));
  }

  /** Every line so far, as one text. */
  get text(): string {
    return this.lines.join('\n');
  }
}

/** A record with an id, its other fields from the shared fixture. */
export function record(id: string, overrides: Partial<Briefing> = {}): Briefing {
  return makeBriefing({ id, ...overrides });
}

export interface Fixture {
  /** The temporary folder holding `data/` and `cache/`. */
  root: string;
  /** The data folder. */
  dir: string;
  cacheDir: string;
  logger: MemoryLogger;
  /** Writes records as `<id>.yaml` (or under the given file names). */
  write(...records: (Briefing | { file: string; text: string })[]): Promise<void>;
  open(options?: Partial<StoreOptions>): Promise<Store>;
  remove(): Promise<void>;
}

/** A temporary data folder with the given records, and a cache folder beside it. */
export async function makeFixture(...records: Briefing[]): Promise<Fixture> {
  const temp = await makeTempDir('briefing-store-');
  const dir = join(temp.dir, 'data');
  const cacheDir = join(temp.dir, 'cache');
  await mkdir(dir);
  const logger = new MemoryLogger();
  const stores: Store[] = [];
  const fixture: Fixture = {
    root: temp.dir,
    dir,
    cacheDir,
    logger,
    async write(...items) {
      for (const item of items) {
        if ('file' in item) await writeFile(join(dir, item.file), item.text);
        else await writeFileReplacing(join(dir, `${item.id}.yaml`), briefingToYaml(item));
      }
    },
    async open(options = {}) {
      const store = await openStore({ dir, cacheDir, logger, ...options });
      stores.push(store);
      return store;
    },
    async remove() {
      for (const store of stores) await store.close();
      await temp.remove();
    },
  };
  await fixture.write(...records);
  return fixture;
}

/** Writes a file as editors do: a new file renamed over the old one. */
async function writeFileReplacing(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** Resolves once `test` holds, checked now and after each change the store commits. */
export function until(store: Store, test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test()) return resolve();
    const stop = store.onChange(() => {
      if (test()) {
        stop();
        resolve();
      }
    });
  });
}

/** The ids of records, in order. */
export const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
