/**
 * CSV in (Google, Outlook, Thunderbird, LinkedIn's Connections.csv, semicolon files) and Google Contacts CSV out.
 * Parsing is papaparse's (quoting, embedded newlines, delimiter detection); this module only maps columns.
 */
import Papa from 'papaparse';
import { profilesIn } from '../contacts/profile-url';
import type { ContactDraft } from '../contacts/types';
import type { ImportError } from './types';

const norm = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^a-z0-9äöüß]+/g, ' ')
    .trim();

/** Column names by meaning, English and German exports; first match wins. */
const COLUMNS = {
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
  role: [
    'position',
    'job title',
    'title',
    'organization title',
    'organization 1 title',
    'berufsbezeichnung',
    'position',
  ],
  notes: ['notes', 'note', 'notizen', 'notiz'],
  birthday: ['birthday', 'geburtstag'],
  labels: ['labels', 'group membership', 'categories', 'kategorien'],
  // A town first (Google, Outlook, Thunderbird), a whole formatted address (ours, Google) only when there is none.
  location: [
    'location',
    'ort',
    'wohnort',
    'stadt',
    'city',
    'address 1 city',
    'home city',
    'business city',
    'work city',
    'address 1 formatted',
  ],
  photo: ['photo', 'foto'],
} as const;

// Outlook's "Title" is the name prefix (Mr., Dr.), not a job title, when "Job Title" is also there.
const isEmailColumn = (h: string) => /(^| )(e ?mail|email address)( |$)/.test(h) && !/(type|label|display)/.test(h);
const isPhoneColumn = (h: string) => /(phone|mobile|fax|telefon|handy)/.test(h) && !/(type|label)/.test(h);
const isUrlColumn = (h: string) => /^(url|web ?page|website|webseite|homepage)/.test(h) && !/(type|label)/.test(h);

const isKnown = (c: string) =>
  Object.values(COLUMNS).some((names) => (names as readonly string[]).includes(c)) || isEmailColumn(c);

/**
 * LinkedIn's export starts with a "Notes:" preamble: the header is the first of the opening lines that names two
 * known columns (or is a lone email column). Everything above it is dropped before parsing,
 * so the delimiter is guessed from the table, not from the prose.
 */
function dropPreamble(text: string): string {
  const lines = text.split(/\r?\n/, 25);
  for (let i = 0; i < lines.length; i++) {
    const cells = (lines[i] ?? '').split(/[,;\t|]/).map((c) => norm(c.replace(/"/g, '')));
    const known = cells.filter(isKnown).length;
    if (known >= 2 || (cells.length === 1 && isEmailColumn(cells[0] ?? ''))) {
      if (i === 0) return text;
      let at = 0;
      for (let k = 0; k < i; k++) at = text.indexOf('\n', at) + 1;
      return text.slice(at);
    }
  }
  return text;
}

const splitMulti = (v: string) =>
  v
    .split(/\s*:::\s*/)
    .map((x) => x.trim())
    .filter(Boolean);

function birthdayOf(v: string): ContactDraft['birthday'] {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(v);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^--(\d{1,2})-(\d{1,2})/.exec(v);
  if (m) return { month: Number(m[1]), day: Number(m[2]) };
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (m) return { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  return undefined;
}

export function parseCsv(text: string): { contacts: ContactDraft[]; errors: ImportError[] } {
  const parsed = Papa.parse<string[]>(dropPreamble(text.replace(/^\ufeff/, '')), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const rows = parsed.data;
  const h = 0;
  const header = (rows[h] ?? []).map(norm);
  const col = (names: readonly string[]) => {
    for (const n of names) {
      const i = header.indexOf(n);
      if (i >= 0) return i;
    }
    return -1;
  };
  const idx = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, col(names)])) as Record<
    keyof typeof COLUMNS,
    number
  >;
  if (header.includes('job title') && header.includes('title')) {
    idx.role = header.indexOf('job title');
    idx.prefix = header.indexOf('title');
  }
  const emailCols = header.map((c, i) => (isEmailColumn(c) ? i : -1)).filter((i) => i >= 0);
  const phoneCols = header.map((c, i) => (isPhoneColumn(c) ? i : -1)).filter((i) => i >= 0);
  const urlCols = header.map((c, i) => (isUrlColumn(c) ? i : -1)).filter((i) => i >= 0);
  const linkedIn = header.includes('connected on');
  // Per row, the first of these that is filled: a town where there is one, else a formatted address.
  const locationCols = COLUMNS.location.map((n) => header.indexOf(n)).filter((i) => i >= 0);

  const contacts: ContactDraft[] = [];
  const errors: ImportError[] = [];
  for (let r = h + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const get = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    const emails = emailCols.flatMap((i) => splitMulti(get(i))).filter((e) => e.includes('@'));
    const composed = [get(idx.prefix), get(idx.first), get(idx.middle), get(idx.last), get(idx.suffix)]
      .filter(Boolean)
      .join(' ');
    const name = get(idx.name) || composed || emails[0] || '';
    const draft: ContactDraft = { name, emails };
    if (get(idx.company)) draft.company = get(idx.company);
    if (get(idx.role)) draft.role = get(idx.role);
    const phones = phoneCols.flatMap((i) => splitMulti(get(i)));
    if (phones.length) draft.phones = phones;
    const notes = get(idx.notes);
    if (notes) draft.notes = notes;
    const profiles = profilesIn([...urlCols.map(get), notes]);
    if (profiles.length) draft.profiles = profiles;
    const b = birthdayOf(get(idx.birthday));
    if (b) draft.birthday = b;
    const labels = splitMulti(get(idx.labels))
      .map((l) => l.replace(/^\*\s*/, ''))
      .filter((l) => l && l !== 'myContacts' && l !== 'My Contacts');
    if (labels.length) draft.circles = labels;
    const location = (locationCols.map(get).find(Boolean) ?? '')
      .split(/\s*[\r\n]+\s*/)
      .filter(Boolean)
      .join(', ');
    if (location) draft.location = location;
    const photo = get(idx.photo);
    if (/^https?:\/\/\S+$/i.test(photo)) draft.photoUrl = photo;
    if (linkedIn) draft.metVia = 'LinkedIn';
    contacts.push(draft);
    if (!draft.name) errors.push({ code: 'noName', record: contacts.length, line: r + 1 });
  }
  return { contacts, errors };
}

export interface CsvContact extends ContactDraft {}

/** Google Contacts' CSV layout (the columns its import reads). */
export function writeGoogleCsv(contacts: CsvContact[]): string {
  const maxEmails = Math.max(1, ...contacts.map((c) => c.emails?.length ?? 0));
  const maxPhones = Math.max(1, ...contacts.map((c) => c.phones?.length ?? 0));
  const maxSites = Math.max(1, ...contacts.map((c) => c.profiles?.length ?? 0));
  const fields = [
    'Name',
    'Organization Name',
    'Organization Title',
    ...Array.from({ length: maxEmails }, (_, i) => `E-mail ${i + 1} - Value`),
    ...Array.from({ length: maxPhones }, (_, i) => `Phone ${i + 1} - Value`),
    ...Array.from({ length: maxSites }, (_, i) => `Website ${i + 1} - Value`),
    'Address 1 - Formatted',
    'Photo',
    'Birthday',
    'Labels',
    'Notes',
  ];
  const data = contacts.map((c) => [
    c.name,
    c.company ?? '',
    c.role ?? '',
    ...Array.from({ length: maxEmails }, (_, i) => c.emails?.[i] ?? ''),
    ...Array.from({ length: maxPhones }, (_, i) => c.phones?.[i] ?? ''),
    ...Array.from({ length: maxSites }, (_, i) => c.profiles?.[i]?.url ?? ''),
    c.location ?? '',
    c.photoUrl ?? '',
    c.birthday
      ? `${c.birthday.year ?? '-'}-${String(c.birthday.month).padStart(2, '0')}-${String(c.birthday.day).padStart(2, '0')}`.replace(
          /^-(?=-)/,
          '-',
        )
      : '',
    (c.circles ?? []).join(' ::: '),
    c.notes ?? '',
  ]);
  return Papa.unparse({ fields, data }, { newline: '\r\n' });
}
