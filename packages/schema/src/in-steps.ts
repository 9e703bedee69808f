// Computations over every record (engagements, the rules across records) written as generators
// that yield every few thousand records. A library call works one out at once (runSteps); a
// server drives it a slice at a time, answering requests between slices: at 100,000 records
// each takes a few hundred milliseconds.

/** A computation in steps: it yields between steps and returns its value. */
export type Steps<T> = Generator<void, T>;

/** How many records a step covers, at most. */
export const STEP_RECORDS = 4096;

/** Whether a loop at index `at` has just finished a step. */
export const endsStep = (at: number): boolean => at % STEP_RECORDS === STEP_RECORDS - 1;

/** The value of a computation in steps, worked out at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}
