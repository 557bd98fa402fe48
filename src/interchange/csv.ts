/**
 * CSV in (Google, Outlook, Thunderbird, LinkedIn's Connections.csv, semicolon files) and Google Contacts CSV out.
 * Parsing is papaparse's (quoting, embedded newlines, delimiter detection); this module finds the header and gives
 * each column a role (first name, email, …: by its header, csv-headers.ts, else by its content, csv-layout.ts) and
 * reads each field from the columns of its roles (csv-fields.ts; a date cell by csv-dates.ts).
 */
import Papa from 'papaparse';
import type { ContactDraft } from '../contacts/fields';
import { isPhoneNumber } from '../contacts/normalize';
import { GOOGLE_COLUMNS, SHEET_COLUMNS } from './csv-columns';
import { type Day, dayOf, slashOrder } from './csv-dates';
import {
  birthdayText,
  type ColumnRole,
  CSV_FIELDS,
  emailTexts,
  isShortenedNumber,
  NAME_ROLES,
  phoneCellNumbers,
  phoneTexts,
  type RowView,
  type SheetHeading,
  type SheetWords,
} from './csv-fields';
import {
  ABOUT_VALUE,
  GOOGLE_LABELS,
  handleLink,
  headerWords,
  notThePersons,
  roleOf,
  rolesFromHeader,
} from './csv-headers';
import {
  type CsvLayout,
  columnCount,
  columnKinds,
  familyFirstColumn,
  looksLikeData,
  rolesFromContent,
} from './csv-layout';
import { mendedPhone, phoneHabit } from './csv-phones';

export type { CsvLayout } from './csv-layout';

import { draftFrom, unreadValues } from './draft';
import type { ImportError } from './types';

export type { ColumnRole, SheetHeading } from './csv-fields';

/**
 * LinkedIn's export starts with a "Notes:" preamble: the header is the first of the opening lines that names two
 * known columns (or is a lone email column). Everything above it is dropped before parsing, so the delimiter is
 * guessed from the table, not from the prose.
 */
function dropPreamble(text: string): { body: string; skipped: number } {
  const lines = text.split(/\r?\n/, 25);
  for (let i = 0; i < lines.length; i++) {
    const cells = (lines[i] ?? '').split(/[,;\t|]/).map((c) => headerWords(c.replace(/"/g, '')));
    const known = cells.filter((c) => roleOf(c) !== 'ignore').length;
    if (known >= 2 || (cells.length === 1 && roleOf(cells[0] ?? '') === 'email')) {
      if (i === 0) return { body: text, skipped: 0 };
      let at = 0;
      for (let k = 0; k < i; k++) at = text.indexOf('\n', at) + 1;
      return { body: text.slice(at), skipped: i };
    }
  }
  return { body: text, skipped: 0 };
}

/** Each value column's label column by their headers: Google's "Phone 1 - Value" and "Phone 1 - Label" (or "- Type"). */
function labelColumns(header: readonly string[] | null | undefined): Map<number, number> {
  const at = new Map((header ?? []).map((h, i) => [h.trim().toLowerCase(), i]));
  const pairs = new Map<number, number>();
  for (const [h, i] of at) {
    const m = /^(.*) - value$/.exec(h);
    const label = m && (at.get(`${m[1]} - label`) ?? at.get(`${m[1]} - type`));
    if (label !== undefined && label !== null) pairs.set(i, label);
  }
  return pairs;
}

/** The people in rows whose columns have these roles; row 0 of `rows` is the first person. */
export function readRows(
  rows: string[][],
  roles: readonly ColumnRole[],
  opts: { firstLine: number; linkedIn?: boolean; today?: Day; header?: readonly string[] | null },
): { contacts: ContactDraft[]; errors: ImportError[] } {
  const byRole = new Map<ColumnRole, number[]>();
  roles.forEach((r, i) => {
    const list = byRole.get(r);
    if (list) list.push(i);
    else byRole.set(r, [i]);
  });
  const contacts: ContactDraft[] = [];
  const errors: ImportError[] = [];
  // Google's labels: by its column's name, or by its separator in a cell (a file without its header).
  const circleColumns = byRole.get('labels') ?? [];
  const google =
    circleColumns.some((i) => GOOGLE_LABELS.includes(headerWords(opts.header?.[i] ?? ''))) ||
    rows.some((cells) => circleColumns.some((i) => (cells[i] ?? '').includes(':::')));
  // Each value column's label column, where the file pairs them ("Phone 1 - Value" with "Phone 1 - Label").
  const labelOf = labelColumns(opts.header);
  let row: string[] = [];
  const cell = (i: number) => textOf((row[i] ?? '').trim());
  const view: RowView = {
    all: (role) =>
      (byRole.get(role) ?? [])
        // A number its label says is not the person's ("Work Fax", "Assistant": Google's), as a header would say it.
        .filter((i) => role !== 'phone' || !notThePersons(headerWords(row[labelOf.get(i) ?? -1] ?? '')))
        // A handle in a column named by its site ("Twitter": "@anna") is that site's link.
        .map((i) => (role === 'url' && opts.header?.[i] ? handleLink(opts.header[i], cell(i)) : cell(i)))
        .filter(Boolean),
    first: (role) => view.all(role)[0] ?? '',
    linkedIn: !!opts.linkedIn,
    // The file's dates are written one way: its birthdays, last contacts and follow-ups say it together.
    slashOrder: slashOrder(
      rows.flatMap((cells) =>
        (['birthday', 'lastContact', 'followUp'] as const)
          .flatMap((role) => byRole.get(role) ?? [])
          .map((i) => cells[i] ?? ''),
      ),
    ),
    // A spreadsheet's saving cut short the numbers it read as numbers; the ones it kept as text say what it cut.
    phoneHabit: phoneHabit(
      rows.flatMap((cells) =>
        (byRole.get('phone') ?? []).flatMap((i) => phoneCellNumbers(textOf((cells[i] ?? '').trim()))),
      ),
    ),
    today: opts.today ?? dayOf(new Date()),
    circlesBy: google ? 'google' : 'list',
  };
  for (const [r, cells] of rows.entries()) {
    row = cells;
    const d = draftFrom((k) => CSV_FIELDS[k]?.read(view));
    contacts.push(d);
    const line = opts.firstLine + r;
    if (!d.name) errors.push({ code: 'noName', record: contacts.length, line });
    const phones = phoneTexts(view);
    errors.push(
      ...unreadValues(
        d,
        {
          birthday: birthdayText(view),
          emails: emailTexts(view),
          urls: view.all('url'),
          phones,
          lastContact: view.first('lastContact'),
          followUp: view.first('followUp'),
          cadence: view.first('cadence'),
        },
        { record: contacts.length, line },
      ),
      ...phones.flatMap((detail): ImportError[] => {
        if (!isPhoneNumber(detail)) return [];
        if (isShortenedNumber(detail)) return [{ code: 'shortenedPhone', record: contacts.length, line, detail }];
        const read = mendedPhone(detail, view.phoneHabit);
        return read === detail ? [] : [{ code: 'mendedPhone', record: contacts.length, line, detail, read }];
      }),
    );
  }
  return { contacts, errors };
}

/**
 * Rows a spreadsheet re-save wrapped whole in quotes (the row one field, its inner quotes doubled) are parsed again
 * as the row they are.
 */
function unwrapRows(rows: string[][], delimiter: string): string[][] {
  const width = Math.max(0, ...rows.slice(0, 50).map((r) => r.length));
  if (width < 2) return rows;
  return rows.map((r) => {
    if (r.length !== 1 || !(r[0] ?? '').includes(delimiter)) return r;
    const inner = Papa.parse<string[]>(r[0] ?? '', { delimiter }).data[0];
    return inner && inner.length > 1 ? inner : r;
  });
}

/**
 * The file parsed up to a quotation mark that opens a field and never closes it (papaparse reads the rest of the
 * file into that one field, the people after it with it): the rows of the lines before that line, which is given
 * (1-based, in `body`). Parsed alone, those lines also give the delimiter back, which the swallowed rows hid.
 */
function parseUpToUnclosed(body: string): { parsed: Papa.ParseResult<string[]>; unclosed?: number } {
  let text = body;
  let unclosed: number | undefined;
  for (;;) {
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
    const open = parsed.errors.find((e) => e.code === 'MissingQuotes');
    if (!open) return { parsed, ...(unclosed ? { unclosed } : {}) };
    // `index` is just after the quotation mark: the cut is at the start of its line (a Mac's old files end lines
    // with CR alone).
    const before = (open.index ?? text.length) - 2;
    const cut = Math.max(text.lastIndexOf('\n', before), text.lastIndexOf('\r', before)) + 1;
    unclosed = text.slice(0, cut).split(/\r\n|\r|\n/).length;
    text = text.slice(0, cut);
  }
}

/** The rows and their columns' roles: from the header, else from the content (the user checks where unsure). */
export function csvLayout(text: string): CsvLayout {
  const { body, skipped } = dropPreamble(text.replace(/^\ufeff/, ''));
  const { parsed, unclosed } = parseUpToUnclosed(body);
  const layout = familyFirstColumn(layoutOf(unwrapRows(parsed.data, parsed.meta.delimiter), skipped));
  return unclosed ? { ...layout, unclosedQuote: skipped + unclosed } : layout;
}

/**
 * A header's "Adresse" or "Address" is a postal address in most lists, and an email or a web address in some: the
 * column's content says which.
 */
function addressByContent(roles: ColumnRole[], rows: string[][]): ColumnRole[] {
  if (!roles.includes('address')) return roles;
  const kinds = columnKinds(rows);
  return roles.map((r, i) => {
    const kind = kinds[i];
    if (r !== 'address') return r;
    return kind === 'email' || kind === 'named' ? 'email' : kind === 'url' || kind === 'profile' ? 'url' : r;
  });
}

/** The parsed rows' layout; `skipped`: the lines above them (a preamble). */
function layoutOf(data: string[][], skipped: number): CsvLayout {
  const [first = []] = data;
  const named = addressByContent(rolesFromHeader(first), data.slice(1));
  const known = named.filter((r) => r !== 'ignore');
  const isHeader = !looksLikeData(first) && known.length > 0;
  if (isHeader && known.some((r) => NAME_ROLES.includes(r)))
    return {
      header: first,
      rows: data.slice(1),
      roles: named,
      certain: true,
      firstLine: skipped + 2,
      linkedIn: first.map(headerWords).includes('connected on'),
    };
  if (looksLikeData(first)) {
    const found = rolesFromContent(data);
    return { header: null, rows: data, ...found, firstLine: skipped + 1, linkedIn: found.shape === 'linkedin' };
  }
  // A header in words no export we know uses: what it names, and the rest read from the content, to be checked.
  const rows = data.slice(1);
  const guessed = rolesFromContent(rows).roles;
  return {
    header: first,
    rows,
    roles: named.map((r, i) => (r !== 'ignore' ? r : (guessed[i] ?? 'ignore'))),
    certain: false,
    firstLine: skipped + 2,
    linkedIn: false,
  };
}

/**
 * The columns a reading of the file leaves out that hold something (a street, a member number, the date someone
 * joined): the preview names them, so that nothing is dropped without a word, and the user can give one a place.
 * A column that only says what kind another one's value is ("E-mail 1 - Label", "Phone 1 - Type") is not one.
 */
export function unreadColumns(layout: CsvLayout): number[] {
  return Array.from({ length: columnCount(layout) }, (_, i) => i).filter(
    (i) =>
      (layout.roles[i] ?? 'ignore') === 'ignore' &&
      !ABOUT_VALUE.test(headerWords(layout.header?.[i] ?? '')) &&
      layout.rows.some((r) => (r[i] ?? '').trim()),
  );
}

export function parseCsv(
  text: string,
  today?: Day,
): { contacts: ContactDraft[]; errors: ImportError[]; layout: CsvLayout } {
  const layout = csvLayout(text);
  const read = readRows(layout.rows, layout.roles, { ...layout, ...(today ? { today } : {}) });
  // Said of the file, not of a row: the rows after that line were never read (kept when the columns are changed).
  const unclosed = layout.unclosedQuote ? [{ code: 'unclosedQuote' as const, line: layout.unclosedQuote }] : [];
  return { ...read, errors: [...unclosed, ...read.errors], layout };
}

/**
 * A cell a spreadsheet would run as a formula: =, @, a tab or a CR first, or + or - before anything but a phone
 * number's characters. The export writes it with a ' first (OWASP's advice for CSV files): a captured role is a web
 * page's text, and "=HYPERLINK(…)" in it would run in Excel. A phone number's + stays as Google's import reads it.
 * A value that itself starts with ' before such a character gets one more, so the import's reading is exact.
 */
const FORMULA = /^(?:[=@\t\r]|[+-](?![\d\s()./-]*$)|'+[=@+\-\t\r])/;
/** Such a cell as written so (by this export, or a spreadsheet's): read without that one ' again. */
const ESCAPED_FORMULA = /^'(?='*[=@+\-\t\r])/;

/**
 * A cell a spreadsheet program wrote as a formula of text, to keep it from being read as a number ('="01701234567"':
 * Excel would drop the 0, and this export writes such phone numbers so too).
 */
const TEXT_FORMULA = /^="((?:[^"]|"")*)"$/s;

/** A cell's text as written: without the ' before an escaped formula, or a text formula's text. */
function textOf(cell: string): string {
  const text = TEXT_FORMULA.exec(cell)?.[1];
  return text === undefined ? cell.replace(ESCAPED_FORMULA, '') : text.replace(/""/g, '"');
}

/** Google Contacts' CSV layout (the columns its import reads), every field the mapping table writes. */
export function writeGoogleCsv(contacts: ContactDraft[]): string {
  const columns = GOOGLE_COLUMNS.map((col) => ({ ...col, count: col.width(contacts) }));
  const fields = columns.flatMap((col) => col.header(col.count));
  const data = contacts.map((c) => columns.flatMap((col) => col.cells(c, col.count)));
  return Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: FORMULA });
}

/** A phone number a spreadsheet would take for a number (digits alone, a + before them) and show otherwise. */
const NUMBER_LIKE = /^\+?\d+$/;

/**
 * The same people as a list for a spreadsheet ("CSV for Excel"): a column per field headed in the user's words
 * (`label`; "E-Mail 1", "E-Mail 2" for lists), cells separated by `delimiter` (the ";" of Excel in a language that
 * writes decimal commas), a byte order mark first so Excel reads it as UTF-8, and phone numbers Excel would take for
 * numbers (dropping a 0, writing +49… as 4.9E+11) written as formulas of their text. The import reads it back.
 */
export function writeSheetCsv(
  contacts: ContactDraft[],
  opts: { label: (heading: SheetHeading) => string; delimiter: ',' | ';'; words: SheetWords },
): string {
  const columns = SHEET_COLUMNS.map((col) => ({ ...col, count: col.width(contacts) }));
  const fields = columns.flatMap((col) =>
    col.list
      ? Array.from({ length: col.count }, (_, i) => `${opts.label(col.field)} ${i + 1}`)
      : (col.headings ?? [col.field]).map(opts.label),
  );
  const data = contacts.map((c) =>
    columns.flatMap((col) =>
      col.cells(c, col.count, opts.words).map((v) => {
        // The value's own formula escaped first (as papaparse's escapeFormulae does for Google's list), then the
        // number's text formula, which must stay one: papaparse's escaping would take it for a formula too.
        if (col.field === 'phones' && NUMBER_LIKE.test(v)) return `="${v}"`;
        return FORMULA.test(v) ? `'${v}` : v;
      }),
    ),
  );
  return `\ufeff${Papa.unparse({ fields, data }, { newline: '\r\n', delimiter: opts.delimiter, escapeFormulae: false })}`;
}
