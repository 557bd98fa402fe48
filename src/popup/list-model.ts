/**
 * The contact list's pure logic: search, filters, sorting and the header figures. Kept apart from the signals so
 * it is tested with plain data and benchmarked on its own.
 */
import { DAY, isForgotten } from '../contacts/cadence';
import { DUE_SOON, dueOrder, isDue } from '../contacts/due';
import { fold } from '../contacts/normalize';
import type { Contact } from '../contacts/types';

export type StateFilter = 'all' | 'due' | 'overdue' | 'never' | 'forgotten';
export type SortOrder = 'due' | 'name' | 'added';

export interface ListQuery {
  text: string;
  circle: string;
  state: StateFilter;
  sort: SortOrder;
}

export function matchesState(c: Contact, state: StateFilter, now: number): boolean {
  switch (state) {
    case 'due':
      return isDue(c, now, DUE_SOON);
    case 'overdue':
      return isDue(c, now);
    case 'never':
      return c.lastContactedAt === undefined;
    case 'forgotten':
      return isForgotten(c, now);
    default:
      return true;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function compare(sort: SortOrder): (a: Contact, b: Contact) => number {
  if (sort === 'name') return (a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
  if (sort === 'added') return (a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1);
  return (a, b) => dueOrder(a, b) || collator.compare(a.name, b.name);
}

/** The list in one order, each with its folded search text; sorted once per list and order, not per keystroke. */
export interface SortedList {
  contacts: Contact[];
  /** haystack(contacts[i]), in the same order. */
  hay: string[];
}

export function sortContacts(contacts: Contact[], hay: Map<string, string>, sort: SortOrder): SortedList {
  const sorted = [...contacts].sort(compare(sort));
  return { contacts: sorted, hay: sorted.map((c) => hay.get(c.id) ?? '') };
}

/**
 * The visible rows of an already sorted list: every word of the search must appear, then the filters. A plain loop
 * over parallel arrays: this runs on every keystroke over every contact.
 */
export function visibleContacts(list: SortedList, q: ListQuery, now: number): Contact[] {
  const words = fold(q.text).split(' ').filter(Boolean);
  const out: Contact[] = [];
  const { contacts, hay } = list;
  next: for (let i = 0; i < contacts.length; i++) {
    const c = contacts[i] as Contact;
    if (q.circle && !c.circles.includes(q.circle)) continue;
    if (q.state !== 'all' && !matchesState(c, q.state, now)) continue;
    const h = hay[i] as string;
    for (const w of words) if (!h.includes(w)) continue next;
    out.push(c);
  }
  return out;
}

export interface Stats {
  total: number;
  contactedLastYear: number;
  dueThisWeek: number;
  forgotten: number;
}

export function stats(contacts: Contact[], now: number): Stats {
  let contactedLastYear = 0;
  let dueThisWeek = 0;
  let forgotten = 0;
  for (const c of contacts) {
    if (c.lastContactedAt !== undefined && c.lastContactedAt >= now - 365 * DAY) contactedLastYear++;
    if (isDue(c, now, DUE_SOON)) dueThisWeek++;
    if (isForgotten(c, now)) forgotten++;
  }
  return { total: contacts.length, contactedLastYear, dueThisWeek, forgotten };
}
