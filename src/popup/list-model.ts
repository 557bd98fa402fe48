/**
 * The contact list's pure logic: search, filters, sorting and the header figures. Kept apart from the signals so
 * it is tested with plain data and benchmarked on its own.
 */
import { DAY, isForgotten } from '../contacts/cadence';
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

/** Everything a search looks at, folded once per contact (case-, accent- and umlaut-insensitive). */
export function haystack(c: Contact): string {
  return fold(
    [c.name, c.role, c.company, c.location, c.circles.join(' '), c.notes, c.metVia].filter(Boolean).join('\n'),
  );
}

const snoozed = (c: Contact, now: number) => c.snoozedUntil !== undefined && c.snoozedUntil > now;

export function matchesState(c: Contact, state: StateFilter, now: number): boolean {
  switch (state) {
    case 'due':
      return !snoozed(c, now) && c.nextDueAt !== undefined && c.nextDueAt <= now + 7 * DAY;
    case 'overdue':
      return !snoozed(c, now) && c.nextDueAt !== undefined && c.nextDueAt <= now;
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
  const due = (c: Contact) => c.nextDueAt ?? Number.POSITIVE_INFINITY;
  return (a, b) => due(a) - due(b) || collator.compare(a.name, b.name);
}

/** The list in one order; sorted once per list and order, so a keystroke only filters. */
export function sortContacts(contacts: Contact[], sort: SortOrder): Contact[] {
  return [...contacts].sort(compare(sort));
}

/** The visible rows of an already sorted list: every word of the search must appear, then the filters. */
export function visibleContacts(sorted: Contact[], hay: Map<string, string>, q: ListQuery, now: number): Contact[] {
  const words = fold(q.text).split(' ').filter(Boolean);
  return sorted.filter((c) => {
    if (q.circle && !c.circles.includes(q.circle)) return false;
    if (!matchesState(c, q.state, now)) return false;
    if (!words.length) return true;
    const h = hay.get(c.id) ?? '';
    return words.every((w) => h.includes(w));
  });
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
    if (matchesState(c, 'due', now)) dueThisWeek++;
    if (isForgotten(c, now)) forgotten++;
  }
  return { total: contacts.length, contactedLastYear, dueThisWeek, forgotten };
}
