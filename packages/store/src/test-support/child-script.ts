// Runs a script of test-support in a new process, on a fixture's folders.
import { fileURLToPath } from 'node:url';
import type { Fixture } from './fixtures.js';

/** This package's folder: the scripts of test-support run from it. */
export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Node's arguments to run a script of test-support from the sources on a fixture's folders:
 * Node itself with tsx's loader (the tsx command would run Node in a child of its own, which a
 * SIGKILL of the command would not reach).
 */
export function scriptArgs(script: string, fixture: Fixture, ...rest: string[]): string[] {
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  return [
    '--conditions=briefing-source',
    '--import',
    'tsx',
    path,
    fixture.dir,
    fixture.cacheDir,
    ...rest,
  ];
}
