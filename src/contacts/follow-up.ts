/**
 * Reading the days the user gives the contact log (the date inputs of ui/ContactedForm.tsx): the day they got in
 * touch, and the day to follow up on, also of a follow-up planned on its own (ui/PlanFollowUp.tsx).
 */
import type { FollowUp } from './types';

/** How far ahead a follow-up may be set: later dates are typing mistakes. */
export const FOLLOW_UP_MAX_YEARS = 5;

/** How far back a contact may be logged: earlier dates are typing mistakes. */
export const CONTACT_MIN_YEAR = 1900;

export type FollowUpDate = { ok: true; at: number } | { ok: false; error: 'badDate' | 'past' | 'tooFar' };
export type ContactDay = { ok: true; at: number } | { ok: false; error: 'badDate' | 'future' };

/** A day as a date input gives it (YYYY-MM-DD) at local midnight; an impossible date (31 April) is none. */
function localDay(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(year, month - 1, day);
  return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day ? d : undefined;
}

const startOfDay = (now: number) => {
  const today = new Date(now);
  return new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
};

/**
 * A follow-up date, read as local midnight of that day: today or later, at most FOLLOW_UP_MAX_YEARS ahead; an
 * impossible date is refused, not rolled over.
 */
export function readFollowUpDate(value: string, now: number): FollowUpDate {
  const d = localDay(value);
  if (!d) return { ok: false, error: 'badDate' };
  if (d.getTime() < startOfDay(now)) return { ok: false, error: 'past' };
  if (d.getFullYear() > new Date(now).getFullYear() + FOLLOW_UP_MAX_YEARS) return { ok: false, error: 'tooFar' };
  return { ok: true, at: d.getTime() };
}

/** A follow-up as a form gives it: a day and what about; `followUp` absent where both are empty. */
export type FollowUpGiven =
  | { ok: true; followUp?: FollowUp }
  | { ok: false; error: 'badDate' | 'past' | 'tooFar' | 'noDate' };

/**
 * A follow-up from a form's two fields (ui/ContactedForm.tsx FollowUpFields): the day read as readFollowUpDate does,
 * what it is about trimmed (and left out when empty); both empty is none, what about without a day is refused.
 */
export function readFollowUp(date: string, about: string, now: number): FollowUpGiven {
  const note = about.trim();
  if (!date.trim()) return note ? { ok: false, error: 'noDate' } : { ok: true };
  const day = readFollowUpDate(date, now);
  return day.ok ? { ok: true, followUp: { at: day.at, ...(note ? { note } : {}) } } : day;
}

/**
 * The day a contact was made: empty or today is now; an earlier day is its noon (a contact logged afterwards has
 * no hour); a day still to come, or before CONTACT_MIN_YEAR, is refused.
 */
export function readContactDay(value: string, now: number): ContactDay {
  if (!value.trim()) return { ok: true, at: now };
  const d = localDay(value);
  if (!d || d.getFullYear() < CONTACT_MIN_YEAR) return { ok: false, error: 'badDate' };
  const start = d.getTime();
  if (start > startOfDay(now)) return { ok: false, error: 'future' };
  return { ok: true, at: start === startOfDay(now) ? now : d.setHours(12) };
}

/** A moment's day as a date input shows it (YYYY-MM-DD, local). */
export function dayValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
