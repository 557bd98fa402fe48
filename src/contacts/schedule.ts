/**
 * The weekly slot, in the user's local time. Pure: every function takes `now`, so tests inject any clock, and the
 * Date arithmetic is by calendar fields (not + 7 × 24 h), so 09:00 stays 09:00 across DST changes.
 */
import { endOfDay } from './cadence';

export interface Slot {
  /** 0 = Sunday … 6 = Saturday (Date#getDay). */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
}

/** The first slot strictly after `now`. */
export function nextSlot(now: number, slot: Slot): number {
  const d = new Date(now);
  const candidate = new Date(
    d.getFullYear(),
    d.getMonth(),
    d.getDate(),
    Math.floor(slot.minutes / 60),
    slot.minutes % 60,
  );
  const ahead = (slot.weekday - candidate.getDay() + 7) % 7;
  candidate.setDate(candidate.getDate() + ahead);
  if (candidate.getTime() <= now) candidate.setDate(candidate.getDate() + 7);
  return candidate.getTime();
}

/** The most recent slot at or before `now`. */
export function previousSlot(now: number, slot: Slot): number {
  const next = nextSlot(now, slot);
  const d = new Date(next);
  d.setDate(d.getDate() - 7);
  return d.getTime();
}

/**
 * The last moment before the next reminder's day: who falls due by then is this week's, named now rather than a
 * week late (at a Monday slot, through Sunday: a follow-up on Thursday, the monthly round due on Wednesday), while
 * whoever falls due on the next reminder's day (a weekly round logged after this one) is named by it. `now` itself
 * when the next reminder comes later today.
 */
export function beforeNextReminderDay(now: number, slot: Slot): number {
  return Math.max(now, endOfDay(nextSlot(now, slot), -1));
}

/**
 * Whether a reminder is owed now: a slot has passed since the last one was shown (the browser was closed, or the
 * worker was asleep when the alarm should have fired). However many weeks were missed, it is owed once.
 */
export function reminderOwed(now: number, slot: Slot, lastShownAt: number | undefined, installedAt: number): boolean {
  const last = previousSlot(now, slot);
  return last > Math.max(lastShownAt ?? 0, installedAt);
}
