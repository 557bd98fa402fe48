/**
 * Who is due: the one rule the list, its figures, the weekly digest and the toolbar badge all use.
 *
 * A person is due once their next due date (last contact, or when added, + cadence) has come, unless a snooze
 * still holds them. The moment they are next shown as due is their effective due date: the due date, or the end
 * of a snooze that reaches past it. The store indexes that moment, so "due at `now`" is one index range, and
 * `isDue(c, now)` ⇔ `effectiveDueAt(c) <= now` (tested).
 */
import { endOfDay } from './cadence';
import type { Contact } from './types';
import { REASON_DAYS } from './yearly';

type DueFields = Pick<Contact, 'nextDueAt' | 'snoozedUntil'>;

/** When the person is next shown as due; undefined for people without a cadence. */
export function effectiveDueAt(c: DueFields): number | undefined {
  if (c.nextDueAt === undefined) return undefined;
  return c.snoozedUntil !== undefined && c.snoozedUntil > c.nextDueAt ? c.snoozedUntil : c.nextDueAt;
}

export const isSnoozed = (c: DueFields, now: number) => c.snoozedUntil !== undefined && c.snoozedUntil > now;

/** Due at `now`; a snooze that still holds keeps a person out. */
export function isDue(c: DueFields, now: number): boolean {
  return !isSnoozed(c, now) && c.nextDueAt !== undefined && c.nextDueAt <= now;
}

let weekAt = Number.NaN;
let weekEnd = 0;

/**
 * The end of the coming week at `now`: today and the six days after it (yearly.ts REASON_DAYS), as a birthday or a
 * follow-up counts it, and at the weekly reminder's slot the reminder's reach (schedule.ts beforeNextReminderDay).
 * Asked for each person of a list with one `now`: the last answer is kept.
 */
export function comingWeekEnd(now: number): number {
  if (now !== weekAt) {
    weekAt = now;
    weekEnd = endOfDay(now, REASON_DAYS);
  }
  return weekEnd;
}

/**
 * Whether a snooze keeps someone out of the week's people at `now`: one that lasts past the day. A snooze that ends
 * later today is over for the week, so that "Snooze a week", pressed minutes after a reminder, has ended by the next.
 */
export const snoozeHolds = (c: Pick<Contact, 'snoozedUntil'>, now: number): boolean =>
  c.snoozedUntil !== undefined && c.snoozedUntil > endOfDay(now);

/**
 * One of the week's people: next shown as due by `until` (the effective due moment, as the due index stores it) and
 * no snooze holds them past today (snoozeHolds). The list's "due this week" asks it of comingWeekEnd, the weekly
 * reminder of the last moment before its next day (contacts/select.ts); at the slot the two are one moment.
 */
export const dueWithin = (c: DueFields, now: number, until: number): boolean =>
  (effectiveDueAt(c) ?? Number.POSITIVE_INFINITY) <= until && !snoozeHolds(c, now);

export type DueState = 'snoozed' | 'overdue' | 'due' | 'ok' | 'none';

/** What a row says: snoozed, overdue (due now), due within the coming week, fine, or no reminders. */
export function dueState(c: DueFields, now: number): DueState {
  if (isSnoozed(c, now)) return 'snoozed';
  if (c.nextDueAt === undefined) return 'none';
  if (isDue(c, now)) return 'overdue';
  if (c.nextDueAt <= comingWeekEnd(now)) return 'due';
  return 'ok';
}

/** Earliest effective due date first; people without a cadence last, equal among themselves (callers break ties). */
export function dueOrder(a: DueFields, b: DueFields): number {
  const x = effectiveDueAt(a) ?? Number.POSITIVE_INFINITY;
  const y = effectiveDueAt(b) ?? Number.POSITIVE_INFINITY;
  return x === y ? 0 : x < y ? -1 : 1;
}
