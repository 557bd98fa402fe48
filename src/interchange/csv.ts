/**
 * CSV in (Google, Outlook, Thunderbird, LinkedIn's Connections.csv, semicolon files) and Google Contacts CSV out.
 * Parsing is papaparse's (quoting, embedded newlines, delimiter detection); this module gives each column a role
 * (first name, email, …) and reads each field from the columns of its roles (csv-fields.ts).
 */
import Papa from 'papaparse';
import type { ContactDraft } from '../contacts/fields';
import { type ColumnRole, CSV_FIELDS, GOOGLE_COLUMNS, type RowView } from './csv-fields';
import { draftFrom } from './draft';
import type { ImportError } from './types';

export type { ColumnRole } from './csv-fields';

const norm = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^a-z0-9äöüß]+/g, ' ')
    .trim();

/** Column names by role, English and German exports; where several columns have one role, all are read. */
const NAMES: Partial<Record<ColumnRole, readonly string[]>> = {
  name: ['name', 'display name', 'full name', 'anzeigename', 'file as'],
  first: ['first name', 'given name', 'vorname'],
  middle: ['middle name', 'additional name', 'weitere vornamen'],
  last: ['last name', 'family name', 'surname', 'nachname'],
  prefix: ['name prefix', 'anrede'],
  suffix: ['name suffix', 'suffix', 'namenszusatz'],
  company: [
    'company',
    'organization',
    'organisation',
    'organization name',
    'organization 1 name',
    'firma',
    'unternehmen',
  ],
  role: ['position', 'job title', 'title', 'organization title', 'organization 1 title', 'berufsbezeichnung'],
  notes: ['notes', 'note', 'notizen', 'notiz'],
  birthday: ['birthday', 'geburtstag'],
  labels: ['labels', 'group membership', 'categories', 'kategorien'],
  town: ['location', 'ort', 'wohnort', 'stadt', 'city', 'address 1 city', 'home city', 'business city', 'work city'],
  address: ['address 1 formatted'],
  photo: ['photo', 'foto'],
};

const isEmailColumn = (h: string) => /(^| )(e ?mail|email address)( |$)/.test(h) && !/(type|label|display)/.test(h);
const isPhoneColumn = (h: string) => /(phone|mobile|fax|telefon|handy)/.test(h) && !/(type|label)/.test(h);
const isUrlColumn = (h: string) => /^(url|web ?page|website|webseite|homepage)/.test(h) && !/(type|label)/.test(h);

/** The role of a column, by its header. */
function roleOf(h: string): ColumnRole {
  if (isEmailColumn(h)) return 'email';
  if (isPhoneColumn(h)) return 'phone';
  if (isUrlColumn(h)) return 'url';
  for (const [role, names] of Object.entries(NAMES)) if (names.includes(h)) return role as ColumnRole;
  return 'ignore';
}

/** Each column's role, from the header row. */
export function rolesFromHeader(header: string[]): ColumnRole[] {
  const names = header.map(norm);
  // Outlook's "Title" is the name prefix (Mr., Dr.), not a job title, when "Job Title" is also there.
  const outlook = names.includes('job title');
  return names.map((h) => (outlook && h === 'title' ? 'prefix' : roleOf(h)));
}

/**
 * LinkedIn's export starts with a "Notes:" preamble: the header is the first of the opening lines that names two
 * known columns (or is a lone email column). Everything above it is dropped before parsing, so the delimiter is
 * guessed from the table, not from the prose.
 */
function dropPreamble(text: string): string {
  const lines = text.split(/\r?\n/, 25);
  for (let i = 0; i < lines.length; i++) {
    const cells = (lines[i] ?? '').split(/[,;\t|]/).map((c) => norm(c.replace(/"/g, '')));
    const known = cells.filter((c) => roleOf(c) !== 'ignore').length;
    if (known >= 2 || (cells.length === 1 && isEmailColumn(cells[0] ?? ''))) {
      if (i === 0) return text;
      let at = 0;
      for (let k = 0; k < i; k++) at = text.indexOf('\n', at) + 1;
      return text.slice(at);
    }
  }
  return text;
}

/** The people in rows whose columns have these roles; row 0 of `rows` is the first person. */
export function readRows(
  rows: string[][],
  roles: ColumnRole[],
  opts: { firstLine: number; linkedIn?: boolean },
): { contacts: ContactDraft[]; errors: ImportError[] } {
  const byRole = new Map<ColumnRole, number[]>();
  roles.forEach((r, i) => {
    const list = byRole.get(r);
    if (list) list.push(i);
    else byRole.set(r, [i]);
  });
  const contacts: ContactDraft[] = [];
  const errors: ImportError[] = [];
  let row: string[] = [];
  const view: RowView = {
    all: (role) => (byRole.get(role) ?? []).map((i) => (row[i] ?? '').trim()).filter(Boolean),
    first: (role) => view.all(role)[0] ?? '',
    linkedIn: !!opts.linkedIn,
  };
  for (const [r, cells] of rows.entries()) {
    row = cells;
    const d = draftFrom((k) => CSV_FIELDS[k]?.read(view));
    contacts.push(d);
    if (!d.name) errors.push({ code: 'noName', record: contacts.length, line: opts.firstLine + r });
  }
  return { contacts, errors };
}

export function parseCsv(text: string): { contacts: ContactDraft[]; errors: ImportError[] } {
  const parsed = Papa.parse<string[]>(dropPreamble(text.replace(/^\ufeff/, '')), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const [header = [], ...rows] = parsed.data;
  return readRows(rows, rolesFromHeader(header), {
    firstLine: 2,
    linkedIn: header.map(norm).includes('connected on'),
  });
}

/** Google Contacts' CSV layout (the columns its import reads), every field the mapping table writes. */
export function writeGoogleCsv(contacts: ContactDraft[]): string {
  const columns = GOOGLE_COLUMNS.map((col) => ({ ...col, count: col.width(contacts) }));
  const fields = columns.flatMap((col) => col.header(col.count));
  const data = contacts.map((c) => columns.flatMap((col) => col.cells(c, col.count)));
  return Papa.unparse({ fields, data }, { newline: '\r\n' });
}
