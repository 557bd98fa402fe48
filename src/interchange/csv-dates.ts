/**
 * How a CSV cell's date is read as a birthday: ISO, German (23.04.1985, a list's 23.4.), a month in words in the
 * languages the import knows, slash dates (and Dutch dash dates) in the order the file shows, a year in two digits,
 * a time after the date.
 * Import only: the CSV readers and the layout's guess of a column of dates.
 */

import { CONTACT_MIN_YEAR, dayValue, FOLLOW_UP_MAX_YEARS, readContactDay } from '../contacts/follow-up';
import { fold } from '../contacts/normalize';
import type { Birthday } from '../contacts/types';
import { toBirthday } from '../contacts/validate';
import { birthdayAtHour } from './birthday-time';

/** 20/01/1991 is day first (Europe), 1/20/1991 month first (US Outlook); 03/04/1991 says neither by itself. */
export type SlashOrder = 'dayFirst' | 'monthFirst';

/**
 * A date of two numbers and a year parted by slashes, or by dashes as Dutch and Belgian lists write it (23-04-1985;
 * a year first, 1985-04-23, is ISO's): the same question of which number is the day.
 */
const SLASH_DATE = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})$/;

/** A calendar day, month 1–12. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** The local calendar day of a moment. */
export const dayOf = (d: Date): Day => ({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });

/**
 * The year of a date as written: four digits as they are, two (as a spreadsheet's short date writes them: 23.04.85)
 * the latest year that puts the date not after `today` — a birthday is never in the future (85 is 1985, 05 is 2005
 * in 2026; 31.12.26 read on 3 December 2026 is 1926).
 */
function yearOf(written: string, month: number, day: number, today: Day): number {
  const n = Number(written);
  if (written.length > 2) return n;
  const year = today.year - (today.year % 100) + n;
  const later = year > today.year || (year === today.year && month * 32 + day > today.month * 32 + today.day);
  return later ? year - 100 : year;
}

/**
 * The languages whose month names a birthday is read in: those whose headers the import knows (csv.ts), and
 * Austria's German (Jänner).
 */
const MONTH_LANGUAGES = ['de', 'de-AT', 'en', 'fr', 'es', 'it', 'nl', 'pl'];

let monthNames: Map<string, number> | undefined;

/**
 * The month a written name stands for (April, Apr., März, mars, maggio, 23 stycznia's stycznia), case and accents
 * aside: the browser's own names (Intl) in MONTH_LANGUAGES, long, short and as a date writes them, made on first
 * use. A name two languages give different months is none.
 */
function monthNamed(word: string): number | undefined {
  const key = (name: string) => fold(name).replace(/\.$/, '');
  if (!monthNames) {
    const names = new Map<string, number>();
    for (const language of MONTH_LANGUAGES)
      for (const options of [{ month: 'long' }, { month: 'short' }, { day: 'numeric', month: 'long' }] as const) {
        const format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
        for (let m = 1; m <= 12; m++) {
          const name = key(
            format.formatToParts(Date.UTC(2000, m - 1, 15)).find((p) => p.type === 'month')?.value ?? '',
          );
          if (name) names.set(name, names.has(name) && names.get(name) !== m ? 0 : m);
        }
      }
    monthNames = names;
  }
  return monthNames.get(key(word)) || undefined;
}

/** A date's time as databases and spreadsheets write one after it ("00:00:00", "12:00:00 AM", "T22:00:00Z"). */
const TIME = /[ T](\d{1,2}):\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?([ap])\.?m\.?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/** A date written with its time ("23.04.1985 00:00:00", "4/23/1985 12:00:00 AM", "1985-04-23 00:00"): the date. */
const withoutTime = (v: string) => v.trim().replace(TIME, '');

/** The hour (0–23) of a date's time as written, if it has one. */
function hourOf(v: string): number | undefined {
  const m = TIME.exec(v.trim());
  if (!m) return undefined;
  const h = Number(m[1]) % (m[2] ? 12 : 24);
  return m[2]?.toLowerCase() === 'p' ? h + 12 : h;
}

/** The order a slash date's two numbers say by themselves (a number over 12 is the day), if they say one. */
const orderOf = (a: number, b: number): SlashOrder | undefined =>
  a > 12 && b <= 12 ? 'dayFirst' : b > 12 && a <= 12 ? 'monthFirst' : undefined;

/**
 * The order of a file's slash dates, from the ones whose numbers say it: one file is written one way. Undecided
 * when none says, or when they disagree.
 */
export function slashOrder(values: readonly string[]): SlashOrder | undefined {
  const seen = new Set<SlashOrder>();
  for (const v of values) {
    const m = SLASH_DATE.exec(withoutTime(v));
    const order = m && orderOf(Number(m[1]), Number(m[3]));
    if (order) seen.add(order);
  }
  return seen.size === 1 ? [...seen][0] : undefined;
}

/** A birthday as a CSV cell writes it, in the order the file's slash dates show, read on `today`. */
export function birthdayOf(written: string, order: SlashOrder | undefined, today: Day): Birthday | undefined {
  const b = dateOf(withoutTime(written), order, today);
  // A date written with an evening time is a midnight east of UTC written in UTC: the next day (birthdayAtHour).
  const hour = hourOf(written);
  return b && hour !== undefined ? birthdayAtHour(b, hour) : b;
}

/** A birthday written as a date, without a time. */
function dateOf(v: string, order: SlashOrder | undefined, today: Day): Birthday | undefined {
  const on = (year: string | undefined, month: number, day: number) =>
    toBirthday({ year: year ? yearOf(year, month, day, today) : undefined, month, day });
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(v);
  if (m) return toBirthday({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  m = /^--(\d{1,2})-(\d{1,2})/.exec(v);
  if (m) return toBirthday({ month: Number(m[1]), day: Number(m[2]) });
  // 23.04.1985, 23.4.85, and a list's 23.4. (no year)
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?$/.exec(v);
  if (m) return on(m[3], Number(m[2]), Number(m[1]));
  // The month in words: 23. April 1985, 23 Apr 1985, 23-Apr-85, 23. März; April 23, 1985, Apr 23
  m = /^(\d{1,2})\.?[ .-]*(\p{L}{3,})\.?(?:[ .-]*(\d{4}|\d{2}))?$/u.exec(v);
  const n = m ?? /^(\p{L}{3,})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/u.exec(v);
  if (n) {
    const [day, name] = m ? [n[1], n[2]] : [n[2], n[1]];
    const month = monthNamed(name ?? '');
    if (month) return on(n[3], month, Number(day));
  }
  // Slash dates: read where the numbers or the rest of the file say the order; 03/04/1991 alone is not guessed.
  m = SLASH_DATE.exec(v);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const says = orderOf(a, b) ?? (a <= 12 && b <= 12 ? order : undefined);
    if (says) return says === 'dayFirst' ? on(m[4], b, a) : on(m[4], a, b);
  }
  return undefined;
}

/**
 * The day of someone's last contact as a list writes it ("28.10.2026", "2026-10-28", "10/28/2026"), read as the
 * contact log reads a day the user gives it (contacts/follow-up.ts readContactDay: an earlier day its noon, a day
 * still to come or too long ago none). None for a day without its year.
 */
export function contactDayOf(written: string, order: SlashOrder | undefined, today: Day): number | undefined {
  const d = written.trim() ? birthdayOf(written, order, today) : undefined;
  if (!d?.year) return undefined;
  // Today's noon for now: a contact on the day of the import is that day's, as an earlier one is.
  const read = readContactDay(
    dayValue(new Date(d.year, d.month - 1, d.day).getTime()),
    new Date(today.year, today.month - 1, today.day, 12).getTime(),
  );
  return read.ok ? read.at : undefined;
}

/**
 * The day a list plans to get back in touch ("Wiedervorlage: 15.01.2027"), at its local midnight, as the contact log
 * plans a follow-up (contacts/follow-up.ts readFollowUpDate): up to FOLLOW_UP_MAX_YEARS ahead, and a day gone by too
 * (a follow-up still to do). A year in two digits is the nearest one: 27 is 2027, 98 is 1998. None for a day without
 * its year, or one too far ahead or back to be meant.
 */
export function followUpDayOf(written: string, order: SlashOrder | undefined, today: Day): number | undefined {
  // birthdayOf reads a two-digit year as the latest one not after the day it is given: given a day half a century
  // on, that is the year nearest to today.
  const d = written.trim() ? birthdayOf(written, order, { ...today, year: today.year + 50 }) : undefined;
  if (!d?.year || d.year < CONTACT_MIN_YEAR || d.year > today.year + FOLLOW_UP_MAX_YEARS) return undefined;
  return new Date(d.year, d.month - 1, d.day).getTime();
}

/**
 * Whether a cell is a date as a birthday is read (birthdayOf): how csv-layout.ts tells a column of dates, and a row
 * of data from a header, so what it takes for a date is what is read as one. One order is enough: a slash date
 * whose numbers say none (both ≤ 12) reads either way.
 */
export function readsAsDate(v: string): boolean {
  return birthdayOf(v, 'dayFirst', dayOf(new Date())) !== undefined;
}
