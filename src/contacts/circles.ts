/** Circles: the groups a person is in (family, friends, clients, …), named by the user. */
import type { Contact } from './types';

/** The circles a new book starts with: keys, shown in the user's language until the user renames them. */
export const DEFAULT_CIRCLES = [
  'family',
  'friends',
  'formerColleagues',
  'club',
  'fellowStudents',
  'clients',
  'partners',
];

/** Renames circles in a contact's list (`renames`: old name → new name); the same object when none applies. */
export function renameCircles(c: Contact, renames: ReadonlyMap<string, string>): Contact {
  if (!c.circles.some((x) => renames.has(x))) return c;
  return { ...c, circles: [...new Set(c.circles.map((x) => renames.get(x) ?? x))] };
}
