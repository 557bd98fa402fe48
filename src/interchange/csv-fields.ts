/**
 * How each field of a contact (contacts/fields.ts) is carried in CSV: read from the columns of certain roles
 * (whatever the export called them), written as Google Contacts' columns and a spreadsheet's list's cells (laid out
 * by csv-columns.ts). Keyed by every field: a field without a decision here does not compile; null means CSV does not
 * carry it.
 */
import type { FieldName } from '../contacts/fields';
import { dayValue } from '../contacts/follow-up';
import { firstLast, givenNameFirst } from '../contacts/name-order';
import { isPhoneNumber } from '../contacts/normalize';
import { profilesIn } from '../contacts/profile-url';
import { salutationIn, salutedName, titlesIn } from '../contacts/salutation';
import type { Contact } from '../contacts/types';
import { withScheme } from '../contacts/web-address';
import { addressesOf, nameWithAddress } from './addresses';
import { readCadence } from './cadence-words';
import { birthdayOf, contactDayOf, type Day, followUpDayOf, type SlashOrder } from './csv-dates';
import { mendedPhone, numbersInCell, type PhoneHabit } from './csv-phones';

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
  /** The day someone was last in touch: a networking list's "Letzter Kontakt". */
  | 'lastContact'
  /** The day the user means to get back in touch: a list's "Wiedervorlage", "Nächster Kontakt", "Follow-up". */
  | 'followUp'
  /** What that follow-up is about: a list's "Nächster Schritt", "Next step". */
  | 'followUpNote'
  /** How the user met them ("Kennengelernt": "Barcamp Köln 2024"). */
  | 'metVia'
  /** Who introduced them ("Vorgestellt von", "Empfohlen von"). */
  | 'introducedBy'
  /** How often to get in touch ("Kontaktrhythmus": "monatlich"). */
  | 'cadence'
  | 'ignore';

/** The roles a person's name can come from: a file (or the columns the user says) needs one of them. */
export const NAME_ROLES: readonly ColumnRole[] = ['name', 'familyFirst', 'first', 'last', 'email'];

/** What a spreadsheet's list says in the user's language. */
export interface SheetWords {
  /** A cadence as the contact form names it ("jeden Monat", "alle 10 Tage", "keine Erinnerung"). */
  cadence(days: number | null): string;
}

/** One row, asked by role. */
export interface RowView {
  /** The filled cells of every column with this role, in column order. */
  all(role: ColumnRole): string[];
  first(role: ColumnRole): string;
  /** The file is LinkedIn's Connections.csv. */
  linkedIn: boolean;
  /** Which comes first in this file's slash dates, where one of them says so (slashOrder). */
  slashOrder?: SlashOrder | undefined;
  /** How the file writes its phone numbers: which a spreadsheet's saving cut short, and how (csv-phones.ts). */
  phoneHabit: PhoneHabit;
  /** The day it is read on: a date with two digits of its year (23.04.85) is the latest such date not after it. */
  today: Day;
  /**
   * How the circles column's cell separates them: Google's " ::: " (a label may hold a comma), or a list's ";" and
   * "," (Outlook writes its categories with the system's list separator: "Kunden;Messe" in German, "Clients, Fairs"
   * in English; a CRM's tags and a club list's groups are written so too).
   */
  circlesBy: 'google' | 'list';
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
  /**
   * Its cell in a list for a spreadsheet (writeSheetCsv), where it differs from Google's or Google has no column for
   * it; in the user's words where it is said in words.
   */
  sheet?(value: Contact[K] | undefined, words: SheetWords): string[];
  /** Its columns' headings in that list, where it has more than one column there: one per cell `sheet` writes. */
  sheetHeadings?: readonly SheetHeading[];
}

/** What a spreadsheet's list heads a column with: a field, or the part of one that has a column of its own. */
export type SheetHeading = FieldName | 'followUpNote';

/**
 * A list's cell of several names (a CRM's tags, Outlook's categories, a spreadsheet's "Kreise"), parted by commas or
 * semicolons; a name in quotation marks is one whatever it holds ('"Kunden, alt", Freunde').
 */
const listItems = (cell: string) =>
  [...cell.matchAll(/\s*(?:"((?:[^"]|"")*)"|([^;,]*))\s*(?:[;,]|$)/g)]
    .map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? '')).trim())
    .filter(Boolean);

/** Google writes several values in one cell separated by " ::: ". */
const splitMulti = (v: string) =>
  v
    .split(/\s*:::\s*/)
    .map((x) => x.trim())
    .filter(Boolean);

const pad = (n: number) => String(n).padStart(2, '0');

/** A row's email cells, each address on its own (Google's " ::: " between several). */
export const emailTexts = (row: RowView) => row.all('email').flatMap(splitMulti);

/** A phone cell's numbers, each on its own (Google's " ::: " between several, and as lists write several). */
export const phoneCellNumbers = (cell: string) => splitMulti(cell).flatMap(numbersInCell);

/** A row's phone cells, each number on its own. */
export const phoneTexts = (row: RowView) => row.all('phone').flatMap(phoneCellNumbers);

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

/**
 * Whether a row's salutation is part of its name: the row names the person by nothing but a family name (no first
 * or middle name, no whole name), and "Frau Müller" is how the user knows her. Otherwise the salutation is theirs
 * apart (the salutation field) and the name is without it.
 */
const salutationNames = (row: RowView) =>
  !row.first('first') && !row.first('middle') && !row.first('name') && !row.first('familyFirst');

/**
 * The titles a row's prefix columns give ("Dr.", "Prof."), part of the name as written; not a salutation ("Herr",
 * "Frau", "Mr.": a list's "Anrede", the person's salutation), unless it names them (salutationNames).
 */
const titles = (row: RowView) => row.all('prefix').map((p) => (salutationNames(row) ? p : titlesIn(p)));

/** A list's follow-up: its day ("Wiedervorlage"), and what it is about ("Nächster Schritt"). */
function followUpOf(row: RowView): Contact['followUp'] {
  const at = followUpDayOf(row.first('followUp'), row.slashOrder, row.today);
  const note = row.first('followUpNote');
  return at === undefined ? undefined : { at, ...(note ? { note } : {}) };
}

/** A row that addresses the person ("Anrede": Herr, Frau, Mr.; "Herr Max Muster" as the name): formally. */
const addressedFormally = (row: RowView) =>
  row.all('prefix').some((p) => salutationIn(p) !== undefined) || !!salutedName(row.first('name')).salutation;

export const CSV_FIELDS: { [K in FieldName]: CsvField<K> | null } = {
  name: {
    read: (row) => {
      const given = [row.first('first'), row.first('middle')].filter(Boolean).join(' ');
      const family = row.first('last');
      const written = salutedName(row.first('name')).name;
      // The row's own names family name first ("Doe, John" beside John and Doe: Thunderbird's display names, set so)
      // turned round, as is a name in a column said to be written so; else the name an email cell gives with its
      // address ("Anna Alt <anna@alt.de>").
      return (
        givenNameFirst(written, given, family) ||
        firstLast(row.first('familyFirst')) ||
        [...titles(row), given, family, row.first('suffix')].filter(Boolean).join(' ') ||
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
    // whole address ("Anschrift", Google's formatted one) on one line, as written: nothing of it is lost.
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
    read: (row) =>
      nonEmpty(
        phoneTexts(row)
          .filter((p) => isPhoneNumber(p) && !isShortenedNumber(p))
          .map((p) => mendedPhone(p, row.phoneHabit)),
      ),
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
      const names = row.circlesBy === 'google' ? splitMulti(cell) : listItems(cell);
      return nonEmpty(names.map((l) => l.replace(/^\*\s*/, '')));
    },
    // " ::: " separates labels in Google's cell and no escape exists: a run of colons inside a circle's name is
    // spaced out (": : :"), so the circle comes back as one label, not two.
    google: {
      header: () => ['Labels'],
      cells: (v) => [(v ?? []).map((c) => c.replace(/:{3,}/g, (run) => run.split('').join(' '))).join(' ::: ')],
    },
    // In a list for a spreadsheet as people write them there (and as the import reads a list's: by commas), a name
    // with a comma or semicolon of its own in quotation marks ('"Kunden, alt", Freunde'), so it comes back whole.
    sheet: (v) => [(v ?? []).map((c) => (/[,;"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(', ')],
  },
  notes: {
    // A list's next step without a day to follow it up on is kept in the note.
    read: (row) =>
      [row.first('notes'), followUpOf(row) ? '' : row.first('followUpNote')].filter(Boolean).join('\n') || undefined,
    google: one('Notes'),
  },
  birthday: {
    read: (row) => birthdayOf(birthdayText(row), row.slashOrder, row.today),
    google: {
      header: () => ['Birthday'],
      cells: (b) => [b ? `${b.year ?? '-'}-${pad(b.month)}-${pad(b.day)}` : ''],
    },
  },
  // A list's "how we met"; whoever is in LinkedIn's export was met there. Google has no column for either.
  metVia: {
    read: (row) => row.first('metVia') || (row.linkedIn ? 'LinkedIn' : undefined),
    sheet: (v) => [v ?? ''],
  },
  introducedBy: { read: (row) => row.first('introducedBy') || undefined, sheet: (v) => [v ?? ''] },
  // The links between people: not carried by CSV (vCard and the JSON backup carry them).
  related: null,
  // A list's "Wiedervorlage" or "Nächster Kontakt": a follow-up on that day (a day gone by too: one still to do, unless
  // the person's last contact came after it), about its "Nächster Schritt". A spreadsheet's list writes both.
  followUp: {
    read: followUpOf,
    sheet: (f) => [f ? dayValue(f.at) : '', f?.note ?? ''],
    sheetHeadings: ['followUp', 'followUpNote'],
  },
  // A list's "Kontaktrhythmus" ("monatlich", "alle 2 Wochen", "nie"); a spreadsheet's list writes the form's words.
  cadenceDays: {
    read: (row) => {
      const written = row.first('cadence');
      return written ? readCadence(written) : undefined;
    },
    sheet: (days, words) => [days === undefined ? '' : words.cadence(days)],
  },
  // A list's "Anrede" ("Herr", "Frau Dr.": its salutation), unless it is part of the name (salutationNames). Google's
  // list writes it as its "Name Prefix", a spreadsheet's as "Anrede"; read back, it says formal address, as any list's.
  salutation: {
    read: (row) =>
      (salutationNames(row) ? undefined : row.all('prefix').map(salutationIn).find(Boolean)) ??
      salutedName(row.first('name')).salutation,
    google: one('Name Prefix'),
    sheet: (v) => [v ?? ''],
  },
  // Not written to a CSV (Reconnect's own field, in the JSON backup), but a list's salutation says it.
  formal: { read: (row) => (addressedFormally(row) ? true : undefined) },
  // A list's "Letzter Kontakt": the person is due counted from it. Google has no column for it; a spreadsheet's list
  // writes the day (YYYY-MM-DD, which a spreadsheet shows as a date).
  lastContactedAt: {
    read: (row) => contactDayOf(row.first('lastContact'), row.slashOrder, row.today),
    sheet: (at) => [at === undefined ? '' : dayValue(at)],
  },
  id: null,
  nextDueAt: null,
  snoozedUntil: null,
  interactions: null,
  history: null,
  source: null,
  createdAt: null,
  updatedAt: null,
};
