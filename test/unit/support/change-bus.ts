/**
 * A view's change announcements without a browser: `onChange` is what a view's state subscribes with (as
 * storage/changes.ts onChange), `broadcast` announces a change to every subscriber, as another view's write would.
 */
import type { Change } from '../../../src/storage/changes';

export function changeBus() {
  const listeners: ((c: Change) => void)[] = [];
  return {
    onChange: (l: (c: Change) => void) => {
      listeners.push(l);
      return () => {};
    },
    broadcast: (c: Change) => {
      for (const l of listeners) l(c);
    },
  };
}
