/**
 * A birthday written as a moment, not as a day: the day it stands for. Shared by the vCard and CSV readers (and so
 * by sync, which reads cards with the vCard one).
 */
import type { Birthday } from '../contacts/types';
import { toBirthday } from '../contacts/validate';

/**
 * The birthday a date written with a time of day at `hour` (0–23) stands for: from 18:00 on, the next day. A
 * midnight east of UTC written in UTC ("1980-06-01T22:00:00Z") or as the evening before ("19560411T230000"), as
 * servers fed by Exchange or a database with times write one, is the next day's; noon, as some phones keep a
 * birthday, and the small hours are that day.
 */
export function birthdayAtHour(b: Birthday, hour: number): Birthday {
  if (hour < 18) return b;
  const next = new Date(Date.UTC(b.year ?? 2000, b.month - 1, b.day + 1));
  const day = { month: next.getUTCMonth() + 1, day: next.getUTCDate() };
  return toBirthday(b.year === undefined ? day : { ...day, year: next.getUTCFullYear() }) ?? b;
}
