/**
 * What each patch of a view's list made (contacts/book.ts), so that what the view works out per list (its sorted
 * list, the header's reach) follows the patch instead of being worked out for everyone again. A list is named by a
 * number: no old list is kept alive by the record of the patch that replaced it.
 */
import { followPatches } from '../contacts/book';
import type { Contact } from '../contacts/types';

export interface Patch {
  /** The number of the list it was made from. */
  from: number;
  /** The people it removed or replaced, and the new or replacing ones. */
  removed: readonly Contact[];
  added: readonly Contact[];
}

export function patchTracker() {
  let lists = 0;
  const numbers = new WeakMap<readonly Contact[], number>();
  const patches = new WeakMap<readonly Contact[], Patch>();
  /** A list's number (given at first sight). */
  const numberOf = (list: readonly Contact[]): number => {
    const known = numbers.get(list);
    if (known !== undefined) return known;
    numbers.set(list, ++lists);
    return lists;
  };
  followPatches((from, to, removed, added) => {
    patches.set(to, { from: numberOf(from), removed, added });
  });
  /** The patch that made `list` out of the list numbered `from`, if one did. */
  const patchOf = (from: number | undefined, list: readonly Contact[]): Patch | undefined => {
    const p = patches.get(list);
    return p && p.from === from ? p : undefined;
  };
  return {
    numberOf,
    patchOf,
    /**
     * What is worked out per list and `how` (a sort order, say), kept for the last list: `make` works it out for a
     * list, `follow` from the last one's value when a patch made this list out of it (with the same `how`).
     * `prime` hands in the value for a list worked out elsewhere (as it was read, a chunk at a time): it is the last.
     */
    perList<T, H = undefined>(
      make: (list: readonly Contact[], how: H) => T,
      follow: (value: T, patch: Patch, how: H) => T,
    ): ((list: readonly Contact[], how: H) => T) & { prime(list: readonly Contact[], how: H, value: T): void } {
      let last: { list: number; how: H; value: T } | undefined;
      const get = (list: readonly Contact[], how: H): T => {
        const at = numberOf(list);
        if (last && last.list === at && last.how === how) return last.value;
        const patch = last && last.how === how ? patchOf(last.list, list) : undefined;
        const value = last && patch ? follow(last.value, patch, how) : make(list, how);
        last = { list: at, how, value };
        return value;
      };
      return Object.assign(get, {
        prime(list: readonly Contact[], how: H, value: T) {
          last = { list: numberOf(list), how, value };
        },
      });
    },
  };
}
