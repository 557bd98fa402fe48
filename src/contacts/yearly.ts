/**
 * Yearly dates (birthdays, the anniversary of meeting) and how far ahead one counts as "now": what the reasons
 * (reasons.ts) and the weekly reminder's choice of birthdays (select.ts) share. Pure; by local date fields.
 */
import { addDays, calendarDays, startOfDay } from './cadence';
import type { Contact } from './types';

/**
 * How far ahead a birthday, an anniversary or a follow-up counts as "now": the coming week is today and the six days
 * after it. So a weekday names one day ("Birthday on Monday" is never said on a Monday for the Monday after), and a
 * weekly reminder names a birthday or an anniversary in one week only (at the slot on its day, if that is the day).
 */
export const REASON_DAYS = 6;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A month and day in a given year, local midnight; 29 February is 28 February in other years. */
export function dayInYear(year: number, month: number, day: number): number {
  const d = month === 2 && day === 29 && !isLeap(year) ? 28 : day;
  return new Date(year, month - 1, d).getTime();
}

/** The next time (today included) a yearly date comes round, local midnight. */
export function nextYearly(now: number, month: number, day: number): number {
  const year = new Date(now).getFullYear();
  const today = startOfDay(now);
  const thisYear = dayInYear(year, month, day);
  return thisYear >= today ? thisYear : dayInYear(year + 1, month, day);
}

/** A birthday within the coming week: in `days` calendar days (0 = today), on `at` (local midnight). */
export interface BirthdaySoon {
  kind: 'birthday';
  at: number;
  days: number;
}

/**
 * The days of the coming week (REASON_DAYS, today included) as a birthday's month and day: 29 February with 28
 * February in other years, as dayInYear honours it.
 */
export function birthdayDays(now: number): [month: number, day: number][] {
  const out: [number, number][] = [];
  for (let d = 0; d <= REASON_DAYS; d++) {
    const day = new Date(addDays(startOfDay(now), d));
    const [month, date] = [day.getMonth() + 1, day.getDate()];
    out.push([month, date]);
    if (month === 2 && date === 28 && !isLeap(day.getFullYear())) out.push([2, 29]);
  }
  return out;
}

/** birthdayDays at the last `now` asked, as month × 32 + day: a book's figures ask for everyone at one `now`. */
let week: { now: number; days: Set<number> } | undefined;

/** Their birthday, when it comes within the coming week (REASON_DAYS; today included). */
export function birthdaySoon(c: Pick<Contact, 'birthday'>, now: number): BirthdaySoon | undefined {
  if (!c.birthday) return undefined;
  if (week?.now !== now) week = { now, days: new Set(birthdayDays(now).map(([m, d]) => m * 32 + d)) };
  if (!week.days.has(c.birthday.month * 32 + c.birthday.day)) return undefined;
  const at = nextYearly(now, c.birthday.month, c.birthday.day);
  const days = calendarDays(now, at);
  return days <= REASON_DAYS ? { kind: 'birthday', at, days } : undefined;
}
