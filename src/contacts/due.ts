/**
 * Who is due: the one rule the list, its figures, the weekly digest and the toolbar badge all use.
 *
 * A person is due once their next due date (last contact, or when added, + cadence) has come, unless a snooze
 * still holds them. The moment they are next shown as due is their effective due date: the due date, or the end
 * of a snooze that reaches past it. The store indexes that moment, so "due at `now`" is one index range, and
 * `isDue(c, now)` ⇔ `effectiveDueAt(c) <= now` (tested).
 */
import { addDays, startOfDay } from './cadence';
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
    weekEnd = startOfDay(addDays(now, REASON_DAYS + 1)) - 1;
  }
  return weekEnd;
}

/** Due within the coming week (comingWeekEnd), overdue included; a snooze that still holds keeps a person out. */
export const dueThisWeek = (c: DueFields, now: number): boolean =>
  !isSnoozed(c, now) && c.nextDueAt !== undefined && c.nextDueAt <= comingWeekEnd(now);

/**
 * Next shown as due by `until`: due then, or by then out of a snooze that still holds now. The weekly reminder asks
 * it of the last moment before the next reminder's day (contacts/select.ts); `isDue(c, now)` ⇔ `dueBy(c, now)`.
 */
export const dueBy = (c: DueFields, until: number): boolean => (effectiveDueAt(c) ?? Number.POSITIVE_INFINITY) <= until;

export type DueState = 'snoozed' | 'overdue' | 'due' | 'ok' | 'none';

/** What a row says: snoozed, overdue (due now), due within the coming week, fine, or no reminders. */
export function dueState(c: DueFields, now: number): DueState {
  if (isSnoozed(c, now)) return 'snoozed';
  if (c.nextDueAt === undefined) return 'none';
  if (isDue(c, now)) return 'overdue';
  if (dueThisWeek(c, now)) return 'due';
  return 'ok';
}

/** Earliest effective due date first; people without a cadence last, equal among themselves (callers break ties). */
export function dueOrder(a: DueFields, b: DueFields): number {
  const x = effectiveDueAt(a) ?? Number.POSITIVE_INFINITY;
  const y = effectiveDueAt(b) ?? Number.POSITIVE_INFINITY;
  return x === y ? 0 : x < y ? -1 : 1;
}
