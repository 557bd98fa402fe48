import { isForgotten } from './cadence';
import { dueOrder, isDue } from './due';
import { byId, type Contact } from './types';

/** One person the weekly digest names, and whether they were forgotten. */
export interface DigestEntry {
  contact: Contact;
  forgotten: boolean;
}

/**
 * Who the weekly reminder names: people who are due (due.ts) — those contacted before, most overdue first (by the
 * effective due date), then people never contacted, oldest-added first, and among those added together (an import)
 * the one due longest first. Forgotten people (no contact for over a year) are flagged. At most `limit`; ties broken
 * by id, so the same data always gives the same list.
 */
export function selectDue(contacts: Iterable<Contact>, now: number, limit: number): DigestEntry[] {
  const known: Contact[] = [];
  const never: Contact[] = [];
  for (const c of contacts) {
    if (!isDue(c, now)) continue;
    (c.lastContactedAt === undefined ? never : known).push(c);
  }
  known.sort((a, b) => dueOrder(a, b) || byId(a, b));
  // An import's people share one createdAt and become due spread over weeks: by id alone, someone due for weeks
  // could be passed over, week after week, for people due since today.
  never.sort((a, b) => a.createdAt - b.createdAt || dueOrder(a, b) || byId(a, b));
  return [...known, ...never]
    .slice(0, Math.max(0, limit))
    .map((contact) => ({ contact, forgotten: isForgotten(contact, now) }));
}

/**
 * The same choice from people streamed in due order (the store's due index): people contacted before come most
 * overdue first, so reading stops once `limit` of them are found; people never contacted are collected only while
 * fewer than `limit` others are due (they rank after them).
 */
export async function selectDueFrom(inDueOrder: AsyncIterable<Contact>, now: number, limit: number) {
  const read: Contact[] = [];
  let known = 0;
  for await (const c of inDueOrder) {
    read.push(c);
    if (c.lastContactedAt !== undefined && ++known >= limit) break;
  }
  return selectDue(read, now, limit);
}
