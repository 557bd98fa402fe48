/**
 * Runs `run` when the page is idle (at most `timeout` ms from now, when given), with the idle deadline; returns how
 * to cancel. Where there is no requestIdleCallback (jsdom in unit tests): a task 1 ms from now, without a deadline.
 */
export function whenIdle(run: (deadline?: IdleDeadline) => void, timeout?: number): () => void {
  if (!globalThis.requestIdleCallback) {
    const timer = setTimeout(run, 1);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(run, timeout === undefined ? {} : { timeout });
  return () => cancelIdleCallback(id);
}

/**
 * How long a piece of idle work runs at most before it lets the page go. An idle moment may be 50 ms long when
 * nothing else is asked for, and a keystroke typed meanwhile waits until the work lets go.
 */
const SLICE_MS = 10;

/**
 * Work too long for one task, run a step at a time when the page is idle: as many steps as each idle moment has
 * room for (while more than 4 ms of it remain, and for SLICE_MS at most), one per moment without a deadline.
 * Settles with what the work returns.
 */
export function idleSteps<T>(steps: Iterator<unknown, T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const run = (deadline?: IdleDeadline) => {
      const until = performance.now() + SLICE_MS;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) return resolve(step.value);
          if (!deadline || deadline.timeRemaining() <= 4 || performance.now() >= until) break;
        }
        whenIdle(run);
      } catch (e) {
        reject(e);
      }
    };
    whenIdle(run);
  });
}

/** Work written as steps (idleSteps, taskSteps), run at once to its end. */
export function allSteps<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Work written as steps, wanted soon (idleSteps' waits for idle moments, which typing may not leave): steps run in
 * the caller's task until SLICE_MS have gone, then each in a task of its own, so input that arrived meanwhile (a
 * keystroke) is handled between them, which the browser puts before a timer's task. Short work (a small book's sort)
 * is done at once, with no task given up; after a long last step, what the caller does with the answer is a task of
 * its own too. Settles with what the work returns.
 */
export async function taskSteps<T>(steps: Iterator<unknown, T>): Promise<T> {
  let until = performance.now() + SLICE_MS;
  for (;;) {
    const step = steps.next();
    if (performance.now() >= until) {
      await new Promise((next) => setTimeout(next));
      until = performance.now() + SLICE_MS;
    }
    if (step.done) return step.value;
  }
}
