/**
 * What a CSV file's columns hold when its first row does not say: files without a header row (Thunderbird can
 * export them; people re-save LinkedIn's export without one), or with headers in words no export we know uses.
 * The columns are read by their content (emails, web addresses, phone numbers, dates) and by the shapes of the
 * exports we know. Where that is not certain, the import preview asks the user to say what each column is.
 */

import { firstLast } from '../contacts/name-order';
import { isEmailAddress } from '../contacts/normalize';
import { nameWithAddress } from './addresses';
import { readsAsDate } from './csv-dates';
import type { ColumnRole } from './csv-fields';

/** How a CSV file's rows were read: its header (or none), the data rows, and what each column holds. */
export interface CsvLayout {
  /** The header row, or null when the file has none. */
  header: string[] | null;
  rows: string[][];
  roles: ColumnRole[];
  /** The roles come from a header or an export shape we know: nothing to ask. */
  certain: boolean;
  /** The line of the file the first data row is on. */
  firstLine: number;
  /** The file is LinkedIn's Connections.csv (everyone in it was met there). */
  linkedIn: boolean;
  /** The line of the file where a quotation mark opens a field that never ends: it and the lines after are not read. */
  unclosedQuote?: number;
}

const URL_LIKE = /^(https?:\/\/|www\.)\S+$/i;
const PROFILE = /^https?:\/\/([a-z]{2,3}\.)?(www\.)?linkedin\.com\/in\//i;
const PHONE = /^\+?[\d\s()./-]{6,}$/;

/** What a cell holds; 'named': an address with its person's name ("Anna Alt <anna@alt.de>"). */
type Kind = 'email' | 'named' | 'url' | 'profile' | 'phone' | 'date' | 'text' | 'empty';

function kindOf(cell: string): Kind {
  const v = cell.trim();
  if (!v) return 'empty';
  if (isEmailAddress(v)) return 'email';
  if (nameWithAddress(v)) return 'named';
  if (PROFILE.test(v)) return 'profile';
  if (URL_LIKE.test(v)) return 'url';
  if (readsAsDate(v)) return 'date';
  if (PHONE.test(v) && /\d{4}/.test(v.replace(/\D/g, ''))) return 'phone';
  return 'text';
}

/** What most filled cells of each column are (a kind needs 60% of the filled cells of the first 50 rows). */
export function columnKinds(rows: string[][]): Kind[] {
  const sample = rows.slice(0, 50);
  const width = Math.max(0, ...sample.map((r) => r.length));
  return Array.from({ length: width }, (_, col) => {
    const kinds = sample.map((r) => kindOf(r[col] ?? '')).filter((k) => k !== 'empty');
    if (!kinds.length) return 'empty';
    const counts = new Map<Kind, number>();
    for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
    const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0] as [Kind, number];
    return n >= kinds.length * 0.6 ? top : 'text';
  });
}

/** Whether a row looks like a person's data rather than column names. */
export function looksLikeData(row: string[]): boolean {
  return row.some((c) => {
    const k = kindOf(c);
    return k === 'email' || k === 'named' || k === 'url' || k === 'profile' || k === 'phone' || k === 'date';
  });
}

/** The column layouts of exports that may come without their header row. */
const SHAPES: { name: string; roles: ColumnRole[]; fits: (kinds: Kind[]) => boolean }[] = [
  {
    // LinkedIn's Connections.csv since 2023: First Name, Last Name, URL, Email Address, Company, Position, Connected On.
    name: 'linkedin',
    roles: ['first', 'last', 'url', 'email', 'company', 'role', 'ignore'],
    fits: (k) => k.length === 7 && k[2] === 'profile' && (k[3] === 'email' || k[3] === 'empty') && k[6] === 'date',
  },
  {
    // LinkedIn's export before 2023: First Name, Last Name, Email Address, Company, Position, Connected On.
    name: 'linkedin',
    roles: ['first', 'last', 'email', 'company', 'role', 'ignore'],
    fits: (k) => k.length === 6 && (k[2] === 'email' || k[2] === 'empty') && k[5] === 'date',
  },
  {
    // Thunderbird: First Name, Last Name, Display Name, Nickname, Primary Email, Secondary Email, Screen Name,
    // Work/Home/Fax/Pager/Mobile phone, two addresses (street, street 2, city, state, zip, country each), Job Title,
    // Department, Organization, Web Page 1/2, Birth Year/Month/Day, Custom 1–4, Notes.
    name: 'thunderbird',
    roles: [
      'first',
      'last',
      'name',
      'ignore',
      'email',
      'email',
      'ignore',
      'phone',
      'phone',
      // A fax number is nobody's to call (csv-headers.ts roleOf).
      'ignore',
      'ignore',
      'phone',
      'ignore',
      'ignore',
      'town',
      'ignore',
      'ignore',
      'ignore',
      'ignore',
      'ignore',
      'town',
      'ignore',
      'ignore',
      'ignore',
      'role',
      'ignore',
      'company',
      'url',
      'url',
      'birthYear',
      'birthMonth',
      'birthDay',
      'ignore',
      'ignore',
      'ignore',
      'ignore',
      'notes',
    ],
    fits: (k) => k.length >= 36 && k.length <= 38 && (k[4] === 'email' || k[4] === 'empty'),
  },
];

/** Three text columns of which one is the other two joined by a space, in most rows that have all three. */
function joinedName(rows: string[][], text: number[]): { name: number; first: number; last: number } | null {
  const norm = (v: string | undefined) => (v ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  const cols = text.slice(0, 6);
  for (const n of cols)
    for (const f of cols)
      for (const l of cols) {
        if (n === f || n === l || f === l) continue;
        let filled = 0;
        let matching = 0;
        for (const row of rows.slice(0, 50)) {
          const [name, first, last] = [norm(row[n]), norm(row[f]), norm(row[l])];
          if (!name || !first || !last) continue;
          filled++;
          if (name === `${first} ${last}`) matching++;
        }
        if (filled && matching * 2 > filled) return { name: n, first: f, last: l };
      }
  return null;
}

/**
 * The roles of a file's columns read from its rows alone: an export we know by its shape (certain), or each column
 * by what it holds — emails, web addresses, phone numbers, a date as the birthday, and the leading text columns as
 * the name — which the user is then asked to check.
 */
export function rolesFromContent(rows: string[][]): { roles: ColumnRole[]; certain: boolean; shape?: string } {
  const kinds = columnKinds(rows);
  const shape = SHAPES.find((s) => s.fits(kinds));
  if (shape) return { roles: shape.roles.slice(0, kinds.length), certain: true, shape: shape.name };
  const roles: ColumnRole[] = kinds.map((k) =>
    k === 'email' || k === 'named'
      ? 'email'
      : k === 'profile' || k === 'url'
        ? 'url'
        : k === 'phone'
          ? 'phone'
          : 'ignore',
  );
  // Dates in a list of people, outside the exports whose shapes are known: most likely their birthdays (the first
  // such column; the user checks).
  const date = kinds.indexOf('date');
  if (date >= 0) roles[date] = 'birthday';
  // Addresses with their names ("Anna Alt <anna@alt.de>") name the people: no other column is guessed to.
  if (kinds.includes('named')) return { roles, certain: false };
  const text = kinds.flatMap((k, i) => (k === 'text' ? [i] : []));
  // The name: a column that holds two others joined ("John Doe" beside "John" and "Doe", as Thunderbird's
  // Display Name does) is the whole name and those two its parts; else two leading text columns are a first and a
  // last name, and one is the whole name.
  const joined = joinedName(rows, text);
  if (joined) {
    roles[joined.name] = 'name';
    roles[joined.first] = 'first';
    roles[joined.last] = 'last';
    return { roles, certain: false };
  }
  const [a, b] = text;
  if (a !== undefined && b === a + 1 && a < 2) {
    roles[a] = 'first';
    roles[b] = 'last';
  } else if (a !== undefined) roles[a] = 'name';
  return { roles, certain: false };
}

/** How many columns a file's layout has: its header's, or its widest row's among the first 50. */
export const columnCount = (layout: CsvLayout): number =>
  Math.max(layout.header?.length ?? 0, ...layout.rows.slice(0, 50).map((r) => r.length));

/**
 * A name column whose names are mostly written family name first ("Müller, Hans", as a club's member list has
 * them), where no first or last name column can say so: offered as such, and the user asked to check the columns,
 * as the name is turned round only when the file is read so (a comma in a name is not enough to guess it).
 */
export function familyFirstColumn(layout: CsvLayout): CsvLayout {
  const { roles } = layout;
  const col = roles.indexOf('name');
  if (col < 0 || roles.some((r) => r === 'first' || r === 'last' || r === 'familyFirst')) return layout;
  const names = layout.rows
    .slice(0, 50)
    .map((r) => (r[col] ?? '').trim())
    .filter(Boolean);
  const turned = names.filter((n) => firstLast(n) !== n).length;
  if (turned * 2 <= names.length) return layout;
  return { ...layout, roles: roles.map((r, i) => (i === col ? 'familyFirst' : r)), certain: false };
}
