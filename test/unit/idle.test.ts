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

describe('taskSteps (work wanted soon: a task per step once it is long)', () => {
  /**
   * Steps named `names`, each taking `ms` on a clock the test moves, each queueing a task as it runs (a keystroke
   * arriving meanwhile): the order in which the steps, those tasks and the caller's use of the answer ran.
   */
  async function run(names: string[], ms: number) {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const order: string[] = [];
    const done = taskSteps(
      (function* () {
        for (const [i, name] of names.entries()) {
          order.push(name);
          clock += ms;
          setTimeout(() => order.push(`key after ${name}`));
          if (i === names.length - 1) return 'sorted';
          yield;
        }
        return 'none';
      })(),
    );
    const inCallersTask = [...order];
    const answer = await done;
    order.push(`settled: ${answer}`);
    // The keystrokes' tasks left run too (after the answer, when it came at once).
    await new Promise((next) => setTimeout(next));
    return { inCallersTask, order };
  }

  it("long steps: the first in the caller's task, then each in a task of its own, tasks queued meanwhile (input) run between; the answer a task after the last", async () => {
    expect(await run(['sort', 'texts', 'last'], 20)).toEqual({
      inCallersTask: ['sort'],
      order: ['sort', 'key after sort', 'texts', 'key after texts', 'last', 'key after last', 'settled: sorted'],
    });
  });

  it('short work is done at once: no task given up (a small book sorted as before)', async () => {
    expect(await run(['sort', 'texts', 'last'], 1)).toEqual({
      inCallersTask: ['sort', 'texts', 'last'],
      order: ['sort', 'texts', 'last', 'settled: sorted', 'key after sort', 'key after texts', 'key after last'],
    });
  });

  it('gives up its task once 10 ms of steps have gone', async () => {
    // 3 ms a step: the fourth ends at 12 ms.
    const { inCallersTask } = await run(['a', 'b', 'c', 'd', 'e', 'f'], 3);
    expect(inCallersTask).toEqual(['a', 'b', 'c', 'd']);
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
