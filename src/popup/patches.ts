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
  return {
    numberOf,
    /** The patch that made `list` out of the list numbered `from`, if one did. */
    patchOf(from: number | undefined, list: readonly Contact[]): Patch | undefined {
      const p = patches.get(list);
      return p && p.from === from ? p : undefined;
    },
  };
}
