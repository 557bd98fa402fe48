import { isForgotten } from './cadence';
import type { Contact } from './types';

export interface Pick {
  contact: Contact;
  forgotten: boolean;
}

/**
 * Who the weekly reminder names: people whose due date has come, skipping snoozed ones — those contacted before,
 * most overdue first, then people never contacted, oldest-added first. Forgotten people (no contact for over a
 * year) are flagged. At most `limit`; ties broken by id, so the same data always gives the same list.
 */
export function selectDue(contacts: Iterable<Contact>, now: number, limit: number): Pick[] {
  const known: Contact[] = [];
  const never: Contact[] = [];
  for (const c of contacts) {
    if (c.nextDueAt === undefined || c.nextDueAt > now) continue;
    if (c.snoozedUntil !== undefined && c.snoozedUntil > now) continue;
    (c.lastContactedAt === undefined ? never : known).push(c);
  }
  const byId = (a: Contact, b: Contact) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  known.sort((a, b) => (a.nextDueAt ?? 0) - (b.nextDueAt ?? 0) || byId(a, b));
  never.sort((a, b) => a.createdAt - b.createdAt || byId(a, b));
  return [...known, ...never]
    .slice(0, Math.max(0, limit))
    .map((contact) => ({ contact, forgotten: isForgotten(contact, now) }));
}
