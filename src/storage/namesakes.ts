/**
 * Who is saved under a name already, whatever their company: the manual form says so before it adds a second
 * record. Read in the later chunk (the first screen never asks).
 */
import { matchKey } from '../contacts/normalize';
import { toldApart } from '../contacts/relations';
import type { Contact } from '../contacts/types';
import { toContact } from '../contacts/validate';
import type { DB } from './db';

/**
 * Up to `limit` people whose name folds as this one does (case, accents, "ue" for "ü", punctuation: the matching
 * rule's name key), from the name + company index: one request, however large the book. `apartFrom`: a saved
 * person's id, whose namesakes marked as different people are left out.
 */
export async function namesakes(db: DB, name: string, limit = 3, apartFrom?: string): Promise<Contact[]> {
  const key = matchKey(name);
  if (key === '|') return [];
  const records = await db.getAllFromIndex('contacts', 'byMatchKey', IDBKeyRange.bound(key, `${key}\uffff`), limit);
  // A damaged record is left out, as the list leaves it out.
  const people = records.flatMap((r) => toContact(r) ?? []);
  if (apartFrom === undefined) return people;
  // Asked for someone saved: not those the user said are someone else ("Saved twice?" → "Different people").
  const of = toContact(await db.get('contacts', apartFrom));
  return of ? people.filter((c) => !toldApart(of, c)) : people;
}
