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
