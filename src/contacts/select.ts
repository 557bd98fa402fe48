import { addDays, DAY, isForgotten, startOfDay } from './cadence';
import { comingWeekEnd, dueOrder, dueWithin, snoozeHolds } from './due';
import { byId, type Contact } from './types';
import { birthdaySoon, nextYearly, REASON_DAYS } from './yearly';

/** One person the weekly digest names, and whether they were forgotten. */
export interface DigestEntry {
  contact: Contact;
  forgotten: boolean;
}

/**
 * When the weekly reminder names someone for their birthday, due or not: it comes within the coming week
 * (yearly.ts birthdaySoon), they have reminders (a cadence), no snooze holds them (due.ts snoozeHolds), and nobody logged
 * a contact with them on the day or in the REASON_DAYS before it (wishes sent early, or a call that day, count). The
 * day it comes, else undefined.
 */
export function birthdayToMark(
  c: Pick<Contact, 'birthday' | 'cadenceDays' | 'snoozedUntil' | 'lastContactedAt'>,
  now: number,
): number | undefined {
  if (c.cadenceDays === null || snoozeHolds(c, now)) return undefined;
  const at = birthdaySoon(c, now)?.at;
  if (at === undefined) return undefined;
  return c.lastContactedAt !== undefined && c.lastContactedAt >= addDays(at, -REASON_DAYS) ? undefined : at;
}

/**
 * The end of a snooze of `days` pressed at `now`: that long after, unless their birthday comes first (tomorrow at the
 * earliest), where it ends as the day begins. A snooze puts off the round, not the wishes: "Snooze a week" on Monday
 * for Friday's birthday hid it until the Monday after; now the popup names them on the day ("Birthday today"). On the
 * birthday itself a snooze runs its length.
 */
export function snoozeEnd(c: Pick<Contact, 'birthday'>, now: number, days: number): number {
  const end = now + days * DAY;
  if (!c.birthday) return end;
  const birthday = nextYearly(addDays(startOfDay(now), 1), c.birthday.month, c.birthday.day);
  return Math.min(birthday, end);
}

/**
 * Whether someone is this week's to get in touch with: due within the coming week (due.ts dueWithin, comingWeekEnd),
 * or named for their birthday (birthdayToMark). The list's "due this week" filter and figure.
 */
export const inThisWeek = (c: Contact, now: number): boolean =>
  dueWithin(c, now, comingWeekEnd(now)) || birthdayToMark(c, now) !== undefined;

/**
 * Who the weekly reminder names: people whose birthday is to be marked this week (birthdayToMark), soonest first,
 * whether due or not; then the week's people by `until` (due.ts dueWithin; the reminder gives the last moment
 * before its next day: schedule.ts beforeNextReminderDay) — first those with a follow-up the user asked for, by its
 * day (one gone by first: however many others are overdue, a planned follow-up is not crowded out), then those
 * contacted before, most overdue first (by the effective due date), then people never contacted, oldest-added first,
 * and among those added together (an import) the one due longest first. Forgotten people (no contact for over a year)
 * are flagged. At most `limit`; ties broken by id, so the same data always gives the same list. A person given twice
 * counts once.
 */
export function selectDue(contacts: Iterable<Contact>, now: number, limit: number, until = now): DigestEntry[] {
  const birthdays: [at: number, c: Contact][] = [];
  const followUps: Contact[] = [];
  const known: Contact[] = [];
  const never: Contact[] = [];
  const seen = new Set<string>();
  for (const c of contacts) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const birthday = birthdayToMark(c, now);
    if (birthday !== undefined) birthdays.push([birthday, c]);
    else if (dueWithin(c, now, until))
      (c.followUp ? followUps : c.lastContactedAt === undefined ? never : known).push(c);
  }
  birthdays.sort(([x, a], [y, b]) => x - y || dueOrder(a, b) || byId(a, b));
  followUps.sort((a, b) => dueOrder(a, b) || byId(a, b));
  known.sort((a, b) => dueOrder(a, b) || byId(a, b));
  // An import's people share one createdAt and become due spread over weeks: by id alone, someone due for weeks
  // could be passed over, week after week, for people due since today.
  never.sort((a, b) => a.createdAt - b.createdAt || dueOrder(a, b) || byId(a, b));
  return [...birthdays.map(([, c]) => c), ...followUps, ...known, ...never]
    .slice(0, Math.max(0, limit))
    .map((contact) => ({ contact, forgotten: isForgotten(contact, now) }));
}

/**
 * The same choice from people streamed in due order (the store's due index, read up to `until`), the people whose
 * birthday comes within the week (the store's birthday index; they rank first) and those with a follow-up by `until`,
 * streamed by its day (the store's follow-up index; they rank next). Each stream is read only until `limit` of its
 * people are found: follow-ups first; then, while places are left, people contacted before, who come most overdue
 * first; people never contacted are collected on the way (they rank after them).
 */
export async function selectDueFrom(
  inDueOrder: AsyncIterable<Contact>,
  now: number,
  limit: number,
  {
    until,
    birthdays = [],
    followUps = [],
  }: { until: number; birthdays?: readonly Contact[]; followUps?: AsyncIterable<Contact> | readonly Contact[] },
) {
  const read: Contact[] = [...birthdays];
  let found = 0;
  // A snooze that ends before `until` puts someone in a stream whom selectDue leaves out: not counted.
  for await (const c of followUps) {
    read.push(c);
    if (dueWithin(c, now, until) && ++found >= limit) return selectDue(read, now, limit, until);
  }
  for await (const c of inDueOrder) {
    read.push(c);
    // Every follow-up by `until` was read above: one met again here takes no second place.
    if (!c.followUp && c.lastContactedAt !== undefined && !snoozeHolds(c, now) && ++found >= limit) break;
  }
  return selectDue(read, now, limit, until);
}
