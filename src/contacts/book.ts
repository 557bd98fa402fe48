/**
 * A view's list of everyone, changed in place of being read anew: after a write the view reads only the people it
 * touched and patches them into its list (patchBook). Everyone else keeps the very same object, and the patch
 * remembers what it changed, so what a view works out per list (who can introduce's grouping by company and name)
 * is brought up to date from the list before instead of from scratch: at 50,000 people, a new grouping costs
 * about 150 ms, reading everyone again seconds.
 */
import type { Contact } from './types';

/** What a patched list changed from the list it was made from. */
export interface BookPatch {
  from: readonly Contact[];
  /** The objects of `from` that are gone or replaced. */
  removed: readonly Contact[];
  /** The objects that are new or replace one. */
  added: readonly Contact[];
}

const patches = new WeakMap<readonly Contact[], BookPatch>();

/** How `book` was made from the list before, when patchBook made it. */
export function patchOf(book: readonly Contact[]): BookPatch | undefined {
  return patches.get(book);
}

/**
 * `book` with these people as now read: a contact replaces the one of its id (or is added at the end), null
 * removes it. A new list: `book` itself is left as it was, and every person not named is the same object.
 */
export function patchBook(book: readonly Contact[], changed: ReadonlyMap<string, Contact | null>): Contact[] {
  const removed: Contact[] = [];
  const added: Contact[] = [];
  const seen = new Set<string>();
  const out: Contact[] = [];
  for (const c of book) {
    if (!changed.has(c.id)) {
      out.push(c);
      continue;
    }
    seen.add(c.id);
    removed.push(c);
    const now = changed.get(c.id);
    if (now) {
      out.push(now);
      added.push(now);
    }
  }
  for (const [id, c] of changed)
    if (c && !seen.has(id)) {
      out.push(c);
      added.push(c);
    }
  patches.set(out, { from: book, removed, added });
  return out;
}
