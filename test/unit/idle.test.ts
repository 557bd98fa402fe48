import { afterEach, describe, expect, it, vi } from 'vitest';
import { allSteps, idleSteps, taskSteps } from '../../src/ui/idle';

/**
 * Work whose second step throws, run by `runner` (`drive` gives it the moments it waits for): the runner rejects
 * with the error and never runs the step after it.
 */
async function failingWork(runner: (steps: Iterator<unknown, unknown>) => Promise<unknown>, drive = () => {}) {
  let after = false;
  const done = runner(
    (function* () {
      yield;
      throw new Error('broken step');
      // biome-ignore lint/correctness/noUnreachable: the step after the failure must not run
      after = true;
    })(),
  );
  drive();
  await expect(done).rejects.toThrow('broken step');
  expect(after).toBe(false);
}

describe('idleSteps (long work in the idle moments)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** Idle moments the test gives out one at a time, each with this much time left, and the clock it reads. */
  function idleMoments(remaining: number) {
    const waiting: IdleRequestCallback[] = [];
    let clock = 0;
    vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback) => waiting.push(run));
    vi.stubGlobal('cancelIdleCallback', () => {});
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    return {
      /** Gives the next idle moment (the work's steps move the clock: tick). */
      give() {
        const run = waiting.shift();
        if (!run) return false;
        const start = clock;
        run({ didTimeout: false, timeRemaining: () => Math.max(0, remaining - (clock - start)) });
        return true;
      },
      tick: (ms: number) => {
        clock += ms;
      },
      get waiting() {
        return waiting.length;
      },
    };
  }

  /**
   * Work of `steps` steps of `ms` each, run by idleSteps in moments of `remaining` ms given one at a time: the
   * moment each step ran in (1, 2, …), and what the work settled with.
   */
  async function run(remaining: number, steps: number, ms: number) {
    const idle = idleMoments(remaining);
    const ran: number[] = [];
    let moment = 0;
    const done = idleSteps(
      (function* () {
        for (let i = 0; i < steps; i++) {
          ran.push(moment);
          idle.tick(ms);
          yield;
        }
        return 'checked';
      })(),
    );
    // Nothing runs before the page is idle.
    expect(ran).toEqual([]);
    while (idle.waiting) {
      moment++;
      idle.give();
    }
    return { ran, answer: await done };
  }

  it('runs steps while the moment has room, at most 10 ms of them, then waits for the next; settles with the answer', async () => {
    // 3 ms a step: four steps fit in 10 ms (the fourth ends at 12), though the moment had 50.
    expect(await run(50, 12, 3)).toEqual({ ran: [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3], answer: 'checked' });
  });

  it('stops a moment when less than 4 ms of it remain', async () => {
    // 7 ms: after two steps of 2 ms, 3 remain.
    expect((await run(7, 4, 2)).ran).toEqual([1, 1, 2, 2]);
  });

  it('rejects with what a step throws, and runs no more of it', async () => {
    const idle = idleMoments(50);
    await failingWork(idleSteps, () => idle.give());
    expect(idle.waiting).toBe(0);
  });
});

describe('taskSteps (work wanted soon, a task per step)', () => {
  it('runs each step in a task of its own, so tasks queued meanwhile (input) run between; settles a task after the last', async () => {
    const order: string[] = [];
    const done = taskSteps(
      (function* () {
        for (const step of ['sort', 'texts']) {
          order.push(step);
          // What arrives while a step runs (a keystroke's task) is handled before the next step.
          setTimeout(() => order.push(`key after ${step}`));
          yield;
        }
        order.push('last');
        setTimeout(() => order.push('key after last'));
        return 'sorted';
      })(),
    );
    // Nothing runs in the caller's task.
    expect(order).toEqual([]);
    expect(await done).toBe('sorted');
    order.push('settled');
    expect(order).toEqual(['sort', 'key after sort', 'texts', 'key after texts', 'last', 'key after last', 'settled']);
  });

  it('rejects with what a step throws, and runs no more of it', async () => {
    await failingWork(taskSteps);
  });
});

describe('allSteps (the same work at once)', () => {
  it('runs every step in the caller’s task and returns the answer', () => {
    const ran: number[] = [];
    const answer = allSteps(
      (function* () {
        for (let i = 0; i < 3; i++) {
          ran.push(i);
          yield;
        }
        return 'done';
      })(),
    );
    expect({ ran, answer }).toEqual({ ran: [0, 1, 2], answer: 'done' });
  });
});
