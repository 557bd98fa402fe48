/**
 * How each field of a contact (contacts/fields.ts) is carried in CSV: read from the columns of certain roles
 * (whatever the export called them), written as Google Contacts' columns. Keyed by every field: a field without a
 * decision here does not compile; null means CSV does not carry it.
 */
import { FIELD_NAMES, type FieldName } from '../contacts/fields';
import { fold } from '../contacts/normalize';
import { profilesIn } from '../contacts/profile-url';
import type { Birthday, Contact } from '../contacts/types';
import { toBirthday } from '../contacts/validate';
import { withScheme } from '../contacts/web-address';
import { addressesOf, nameWithAddress } from './addresses';
import { birthdayAtHour } from './birthday-time';
import { firstLast, givenNameFirst } from './name-order';

/** What a column holds, whatever its header says (or, in a file without one, what the user picked). */
export type ColumnRole =
  | 'name'
  /** A whole name written family name first ("Müller, Hans": a club's member list), read turned round. */
  | 'familyFirst'
  | 'first'
  | 'middle'
  | 'last'
  | 'prefix'
  | 'suffix'
  | 'email'
  | 'phone'
  | 'company'
  | 'role'
  | 'url'
  | 'notes'
  | 'birthday'
  /** A birthday in three columns (Thunderbird's "Birth Year", "Birth Month", "Birth Day"). */
  | 'birthYear'
  | 'birthMonth'
  | 'birthDay'
  | 'labels'
  /** A town or city. */
  | 'town'
  /** A whole postal address: read for where someone is only when no town column says it. */
  | 'address'
  | 'photo'
  | 'ignore';

/** The roles a person's name can come from: a file (or the columns the user says) needs one of them. */
export const NAME_ROLES: readonly ColumnRole[] = ['name', 'familyFirst', 'first', 'last', 'email'];

/** One row, asked by role. */
export interface RowView {
  /** The filled cells of every column with this role, in column order. */
  all(role: ColumnRole): string[];
  first(role: ColumnRole): string;
  /** The file is LinkedIn's Connections.csv. */
  linkedIn: boolean;
  /** Which comes first in this file's slash dates, where one of them says so (slashOrder). */
  slashOrder?: SlashOrder | undefined;
  /** The day it is read on: a date with two digits of its year (23.04.85) is the latest such date not after it. */
  today: Day;
  /**
   * How the circles column's cell separates them: Google's " ::: " (a label may hold a comma), or a list's ";" and
   * "," (Outlook writes its categories with the system's list separator: "Kunden;Messe" in German, "Clients, Fairs"
   * in English; a CRM's tags and a club list's groups are written so too).
   */
  circlesBy: 'google' | 'list';
}

/** 20/01/1991 is day first (Europe), 1/20/1991 month first (US Outlook); 03/04/1991 says neither by itself. */
export type SlashOrder = 'dayFirst' | 'monthFirst';

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;

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
    const order = m && orderOf(Number(m[1]), Number(m[2]));
    if (order) seen.add(order);
  }
  return seen.size === 1 ? [...seen][0] : undefined;
}

export interface CsvField<K extends FieldName> {
  read(row: RowView): Contact[K] | undefined;
  /** Google Contacts' columns for it: `count` of them for a list (as many as the longest list needs). */
  google?: {
    header(count: number): string[];
    cells(value: Contact[K] | undefined, count: number): string[];
    /** How many columns the longest value among these people needs; 1 for single values. */
    count?(values: (Contact[K] | undefined)[]): number;
  };
}

/** Google writes several values in one cell separated by " ::: ". */
const splitMulti = (v: string) =>
  v
    .split(/\s*:::\s*/)
    .map((x) => x.trim())
    .filter(Boolean);

const pad = (n: number) => String(n).padStart(2, '0');

/** A row's email cells, each address on its own (Google's " ::: " between several). */
export const emailTexts = (row: RowView) => row.all('email').flatMap(splitMulti);

/** A row's phone cells, each number on its own. */
export const phoneTexts = (row: RowView) => row.all('phone').flatMap(splitMulti);

/**
 * A number a spreadsheet showed in scientific notation and saved so ("4,92215E+12", "4.92215E+12"): a phone
 * number's digits lost, which no reading gives back.
 */
export const isShortenedNumber = (v: string) => /^\+?\d+(?:[.,]\d+)?e\+?\d+$/i.test(v.trim());

/**
 * A row's birthday as written; '' for none, and for Outlook's "0/0/00" (its empty birthday) and the like. One in
 * three columns (Thunderbird's) is written as a date, "1985-04-23", or "--04-23" without its year.
 */
export function birthdayText(row: RowView): string {
  const [year, month, day] = [row.first('birthYear'), row.first('birthMonth'), row.first('birthDay')];
  const v =
    row.first('birthday') ||
    (Number(month) > 0 && Number(day) > 0
      ? `${Number(year) > 0 ? year.padStart(4, '0') : '-'}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
      : '');
  return /^[0\s./-]*$/.test(v) ? '' : v;
}

function birthdayOf(written: string, order: SlashOrder | undefined, today: Day): Birthday | undefined {
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
    const [a, b] = [Number(m[1]), Number(m[2])];
    const says = orderOf(a, b) ?? (a <= 12 && b <= 12 ? order : undefined);
    if (says) return says === 'dayFirst' ? on(m[3], b, a) : on(m[3], a, b);
  }
  return undefined;
}

/**
 * Whether a cell is a date as a birthday is read (birthdayOf): how csv-layout.ts tells a column of dates, and a row
 * of data from a header, so what it takes for a date is what is read as one. One order is enough: a slash date
 * whose numbers say none (both ≤ 12) reads either way.
 */
export function readsAsDate(v: string): boolean {
  return birthdayOf(v, 'dayFirst', dayOf(new Date())) !== undefined;
}

const one = (header: string) => ({
  header: () => [header],
  cells: (v: string | undefined) => [v ?? ''],
});

/** `count` numbered columns ("E-mail 1 - Value", …) for a list. */
function numbered<T>(name: (i: number) => string, cell: (item: T) => string) {
  return {
    header: (count: number) => Array.from({ length: count }, (_, i) => name(i + 1)),
    cells: (v: T[] | undefined, count: number) => Array.from({ length: count }, (_, i) => (v?.[i] ? cell(v[i]) : '')),
    count: (values: (T[] | undefined)[]) => Math.max(1, ...values.map((v) => v?.length ?? 0)),
  };
}

const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);

export const CSV_FIELDS: { [K in FieldName]: CsvField<K> | null } = {
  name: {
    read: (row) => {
      const given = [row.first('first'), row.first('middle')].filter(Boolean).join(' ');
      const family = row.first('last');
      const written = row.first('name');
      // The row's own names family name first ("Doe, John" beside John and Doe: Thunderbird's display names, set so)
      // turned round, as is a name in a column said to be written so; else the name an email cell gives with its
      // address ("Anna Alt <anna@alt.de>").
      return (
        givenNameFirst(written, given, family) ||
        firstLast(row.first('familyFirst')) ||
        [...row.all('prefix'), given, family, row.first('suffix')].filter(Boolean).join(' ') ||
        emailTexts(row).map(nameWithAddress).find(Boolean) ||
        undefined
      );
    },
    google: one('Name'),
  },
  role: { read: (row) => row.first('role') || undefined, google: one('Organization Title') },
  company: { read: (row) => row.first('company') || undefined, google: one('Organization Name') },
  location: {
    // A town where there is one (without the postal code a list's "PLZ Ort" writes first, "50667 Köln"), else a
    // formatted address on one line.
    read: (row) =>
      (row.first('town').replace(/^(?:[A-Z]{1,2}-)?\d{4,5}\s+(?=\p{L})/u, '') || row.first('address'))
        .split(/\s*[\r\n]+\s*/)
        .filter(Boolean)
        .join(', ') || undefined,
    google: one('Address 1 - Formatted'),
  },
  photoUrl: {
    read: (row) => {
      const photo = row.first('photo');
      return /^https?:\/\/\S+$/i.test(photo) ? photo : undefined;
    },
    google: one('Photo'),
  },
  profiles: {
    // Links in the notes count too (some exports put the profile there). A web address column's "www.anna.de" is
    // one without its scheme.
    read: (row) => nonEmpty(profilesIn([...row.all('url').map(withScheme), ...row.all('notes')])),
    google: numbered(
      (i) => `Website ${i} - Value`,
      (p: { url: string }) => p.url,
    ),
  },
  emails: {
    read: (row) => addressesOf(emailTexts(row)),
    google: numbered(
      (i) => `E-mail ${i} - Value`,
      (e: string) => e,
    ),
  },
  phones: {
    read: (row) => nonEmpty(phoneTexts(row).filter((p) => !isShortenedNumber(p))),
    google: numbered(
      (i) => `Phone ${i} - Value`,
      (p: string) => p,
    ),
  },
  circles: {
    // Google marks its own groups with "* " ("* myContacts"); which of them is no circle, the import says
    // (contacts/file-circles.ts readFileCircles), for every kind of file.
    read: (row) => {
      const cell = row.first('labels');
      const names =
        row.circlesBy === 'google'
          ? splitMulti(cell)
          : cell
              .split(/[;,]/)
              .map((l) => l.trim())
              .filter(Boolean);
      return nonEmpty(names.map((l) => l.replace(/^\*\s*/, '')));
    },
    // " ::: " separates labels in Google's cell and no escape exists: a run of colons inside a circle's name is
    // spaced out (": : :"), so the circle comes back as one label, not two.
    google: {
      header: () => ['Labels'],
      cells: (v) => [(v ?? []).map((c) => c.replace(/:{3,}/g, (run) => run.split('').join(' '))).join(' ::: ')],
    },
  },
  notes: { read: (row) => row.first('notes') || undefined, google: one('Notes') },
  birthday: {
    read: (row) => birthdayOf(birthdayText(row), row.slashOrder, row.today),
    google: {
      header: () => ['Birthday'],
      cells: (b) => [b ? `${b.year ?? '-'}-${pad(b.month)}-${pad(b.day)}` : ''],
    },
  },
  // Whoever is in LinkedIn's export was met there.
  metVia: { read: (row) => (row.linkedIn ? 'LinkedIn' : undefined) },
  // Reconnect's own fields: not carried by CSV (the JSON backup carries them).
  introducedBy: null,
  related: null,
  followUp: null,
  cadenceDays: null,
  formal: null,
  lastContactedAt: null,
  id: null,
  nextDueAt: null,
  snoozedUntil: null,
  interactions: null,
  history: null,
  source: null,
  createdAt: null,
  updatedAt: null,
};

type AnyGoogle = NonNullable<CsvField<FieldName>['google']>;

/** The Google columns in the field table's order, each with how many it needs for a set of people. */
export const GOOGLE_COLUMNS = FIELD_NAMES.flatMap((k) => {
  const g = CSV_FIELDS[k]?.google as AnyGoogle | undefined;
  if (!g) return [];
  return [
    {
      field: k,
      width: (people: Partial<Contact>[]) => g.count?.(people.map((p) => p[k] as never)) ?? 1,
      header: (count: number) => g.header(count),
      cells: (c: Partial<Contact>, count: number) => g.cells(c[k] as never, count),
    },
  ];
});
