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
 * Work written as steps, each step a task of its own: input that arrived meanwhile (a keystroke) is handled between
 * them, which the browser puts before a timer's task. For work that is wanted soon, as idleSteps' is not: it waits
 * for no idle moment, which typing may not leave. Settles with what the work returns, in a task after the last
 * step's: what the caller does with it is a task of its own too.
 */
export function taskSteps<T>(steps: Iterator<unknown, T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const run = () => {
      try {
        const step = steps.next();
        if (step.done) setTimeout(() => resolve(step.value));
        else setTimeout(run);
      } catch (e) {
        reject(e);
      }
    };
    setTimeout(run);
  });
}
