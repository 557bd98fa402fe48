/** Reading the day of a follow-up the user asks for (the contact form's date input). */

/** How far ahead a follow-up may be set: later dates are typing mistakes. */
export const FOLLOW_UP_MAX_YEARS = 5;

export type FollowUpDate = { ok: true; at: number } | { ok: false; error: 'badDate' | 'past' | 'tooFar' };

/**
 * A follow-up date as a date input gives it (YYYY-MM-DD), read as local midnight of that day: today or later, at
 * most FOLLOW_UP_MAX_YEARS ahead; an impossible date (31 April) is refused, not rolled over.
 */
export function readFollowUpDate(value: string, now: number): FollowUpDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return { ok: false, error: 'badDate' };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(year, month - 1, day);
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day)
    return { ok: false, error: 'badDate' };
  const today = new Date(now);
  if (d.getTime() < new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime())
    return { ok: false, error: 'past' };
  if (year > today.getFullYear() + FOLLOW_UP_MAX_YEARS) return { ok: false, error: 'tooFar' };
  return { ok: true, at: d.getTime() };
}
