import type { Contact } from './types';

export const DAY = 86_400_000;

/** Cadence presets in days; null means "no reminders". */
export const CADENCES = {
  weekly: 7,
  monthly: 30,
  quarterly: 91,
  halfYearly: 182,
  yearly: 365,
  none: null,
} as const satisfies Record<string, number | null>;
export type CadenceName = keyof typeof CADENCES;
export const DEFAULT_CADENCE_DAYS = CADENCES.quarterly;

/** No contact for over a year: the people the weekly reminder calls out. */
export const FORGOTTEN_AFTER = 365 * DAY;

/**
 * Adds whole calendar days in the user's local time, so a due date stays at the same wall-clock time
 * across DST changes (adding 7 × 24 h would drift by an hour twice a year).
 */
export function addDays(at: number, days: number): number {
  const d = new Date(at);
  d.setDate(d.getDate() + days);
  return d.getTime();
}

/** Local midnight of the day `at` falls on. */
export function startOfDay(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** The last moment of the day `days` after the one `at` falls on (local time): `endOfDay(now)` is tonight's. */
export const endOfDay = (at: number, days = 0): number => startOfDay(addDays(at, days + 1)) - 1;

/** Whole calendar days from `from`'s day to `to`'s day (DST-proof: 23- and 25-hour days count as one). */
export function calendarDays(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  return Math.round(
    (Date.UTC(b.getFullYear(), b.getMonth(), b.getDate()) - Date.UTC(a.getFullYear(), a.getMonth(), a.getDate())) /
      86_400_000,
  );
}

/**
 * Next due = a follow-up the user asked for, when there is one (with or without a cadence); otherwise (last
 * contact, or when added) + cadence; no cadence → never due.
 */
export function nextDueAt(
  c: Pick<Contact, 'cadenceDays' | 'lastContactedAt' | 'createdAt'> & Partial<Pick<Contact, 'followUp'>>,
): number | undefined {
  if (c.followUp) return c.followUp.at;
  if (c.cadenceDays == null) return undefined;
  return addDays(c.lastContactedAt ?? c.createdAt, c.cadenceDays);
}

/**
 * The first due date of the `i`-th of many people added at once and never contacted (an import, a first sync):
 * spread over the coming weeks, `perWeek` a week (the weekly slot's share), so they do not all fall due at once.
 */
export function spreadDueAt(now: number, i: number, perWeek: number): number {
  return addDays(now, 7 * (1 + Math.floor(i / Math.max(1, perWeek))));
}

export function isForgotten(c: Contact, now: number): boolean {
  return now - (c.lastContactedAt ?? c.createdAt) > FORGOTTEN_AFTER;
}
