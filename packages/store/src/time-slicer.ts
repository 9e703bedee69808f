import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { Steps } from '@briefing/schema';

/**
 * Cuts long work into slices of at most `budgetMs`, letting the event loop run between them, so
 * that requests are answered while records are indexed.
 */
export class TimeSlicer {
  #sliceStart = performance.now();

  /**
   * `restMs`: how long to leave the event loop to others between slices (0: one turn). Work
   * nobody waits for (catching up at start) rests as long as it works, taking at most half of
   * the thread while requests come.
   */
  constructor(
    readonly budgetMs = 8,
    readonly restMs = 0,
  ) {}

  /** Yields to the event loop when the current slice has used its budget. */
  async pause(): Promise<void> {
    if (!this.due()) return;
    if (this.restMs > 0) await sleep(this.restMs);
    else await nextTurn();
    this.#sliceStart = performance.now();
  }

  /**
   * Whether the current slice has used its budget. In loops over many rows, `if (due())
   * await pause()` spares the microtask an `await` costs on every row.
   */
  due(): boolean {
    return performance.now() - this.#sliceStart >= this.budgetMs;
  }
}

/** A sorted copy, merged in slices (a stable bottom-up merge sort) so a large sort never stalls. */
export async function sortInSlices<T>({
  items,
  compare,
  slicer,
}: {
  items: readonly T[];
  compare: (a: T, b: T) => number;
  slicer: TimeSlicer;
}): Promise<T[]> {
  let from = [...items];
  let to = new Array<T>(from.length);
  for (let width = 1; width < from.length; width *= 2) {
    for (let left = 0; left < from.length; left += 2 * width) {
      const middle = Math.min(left + width, from.length);
      const right = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = middle;
      for (let k = left; k < right; k += 1) {
        to[k] =
          i < middle && (j >= right || compare(from[i]!, from[j]!) <= 0) ? from[i++]! : from[j++]!;
      }
      if (slicer.due()) await slicer.pause();
    }
    [from, to] = [to, from];
  }
  return from;
}

/** A computation in steps (@briefing/schema's …InSteps), worked out a slice at a time. */
export async function runInSlices<T>({
  steps,
  slicer,
}: {
  steps: Steps<T>;
  slicer: TimeSlicer;
}): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
    if (slicer.due()) await slicer.pause();
  }
}
