import { afterEach, describe, expect, it, vi } from 'vitest';
import { idleSteps } from '../../src/ui/idle';

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

  it('runs steps while the moment has room, at most 10 ms of them, then waits for the next; settles with the answer', async () => {
    const idle = idleMoments(50);
    const ran: number[] = [];
    let moment = 0;
    const done = idleSteps(
      (function* () {
        for (let i = 0; i < 12; i++) {
          ran.push(moment);
          idle.tick(3);
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
    await expect(done).resolves.toBe('checked');
    // 3 ms a step: four steps fit in 10 ms (the fourth ends at 12), though the moment had 50.
    expect(ran).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
  });

  it('stops a moment when less than 4 ms of it remain', async () => {
    const idle = idleMoments(7);
    const ran: number[] = [];
    let moment = 0;
    const done = idleSteps(
      (function* () {
        for (let i = 0; i < 4; i++) {
          ran.push(moment);
          idle.tick(2);
          yield;
        }
      })(),
    );
    while (idle.waiting) {
      moment++;
      idle.give();
    }
    await done;
    // 7 ms: after two steps 3 remain.
    expect(ran).toEqual([1, 1, 2, 2]);
  });

  it('rejects with what a step throws, and runs no more of it', async () => {
    const idle = idleMoments(50);
    let after = false;
    const done = idleSteps(
      (function* () {
        yield;
        throw new Error('broken index');
        // biome-ignore lint/correctness/noUnreachable: the step after the failure must not run
        after = true;
      })(),
    );
    idle.give();
    await expect(done).rejects.toThrow('broken index');
    expect(after).toBe(false);
    expect(idle.waiting).toBe(0);
  });
});
