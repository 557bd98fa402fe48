/**
 * The circles an import's file names, in the book's terms: a module of its own, as only the import (loaded when a
 * file is read) needs it, while the options page's first screen reads circles by contacts/circle-names.ts.
 */
import { readCircles } from './circle-names';

/**
 * Google's group of everyone, which its CSV names on every row ("* myContacts") and an Android phone's vCards on
 * every card ("CATEGORIES:My Contacts"): no circle the user made, so an import leaves it out. (Sync keeps it: a card
 * written back without it would leave the user's Google contacts.)
 */
const EVERYONE = new Set(['mycontacts', 'my contacts', 'system group: my contacts']);

/**
 * A file's circles in the book's terms (readCircles), each person's list, with the circles the book does not have
 * yet (`added`, in the order the file first names them): a new circle written in two cases ("Tennis", "tennis")
 * is one, named as first written. Google's group of everyone is none.
 */
export function readFileCircles(
  lists: readonly (readonly string[])[],
  own: readonly string[],
): { lists: string[][]; added: string[] } {
  const added = new Map<string, string>();
  const inBook = (c: string) => {
    if (own.includes(c)) return c;
    const folded = c.toLowerCase();
    const first = added.get(folded) ?? c;
    added.set(folded, first);
    return first;
  };
  const circles = (names: readonly string[]) => names.filter((n) => !EVERYONE.has(n.trim().toLowerCase()));
  return {
    lists: lists.map((names) => [...new Set(readCircles(circles(names), own).map(inBook))]),
    added: [...added.values()],
  };
}
