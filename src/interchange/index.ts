/**
 * parseContactsFile(bytes, fileName): the people in a vCard, CSV, FRITZ!Box phone book or Reconnect JSON backup, as
 * drafts to preview and import. It detects the format (by content first, then by name) and the text encoding, never throws for
 * bad input, and reports every problem with its record number.
 */
import { parseBackup } from './backup';
import { parseCsv } from './csv';
import type { Day } from './csv-dates';
import { decodeText } from './decode';
import { isFritzPhonebook, parseFritzPhonebook } from './fritzbox';
import { type Format, MAX_IMPORT_BYTES, type ParseResult } from './types';
import { parseVCards } from './vcard';

export { makeBackup, parseBackup } from './backup';
export { type CsvLayout, readRows, unreadColumns, writeGoogleCsv, writeSheetCsv } from './csv';
export type { Day } from './csv-dates';
export type { ColumnRole, SheetHeading } from './csv-fields';
export { type NameListProblem, readNameList } from './name-list';
export type { Format, ImportError, ImportErrorCode, ParseResult } from './types';
export { writeVCards } from './vcard-write';

function detect(text: string, fileName: string): Format | null {
  const head = text.slice(0, 4096).trimStart();
  if (/^BEGIN:VCARD/i.test(head)) return 'vcard';
  if (/^[{[]/.test(head)) return 'json';
  if (isFritzPhonebook(head)) return 'fritzbox';
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'vcf' || ext === 'vcard') return /BEGIN:VCARD/i.test(text) ? 'vcard' : null;
  if (ext === 'json') return 'json';
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (ext === 'csv' || ext === 'txt' || /[,;\t]/.test(firstLine) || /mail|name/i.test(firstLine)) return 'csv';
  return null;
}

/** A spreadsheet's own file (Excel's .xlsx and older .xls, LibreOffice's .ods, Numbers): a zip or an OLE file by its name. */
function isSpreadsheet(bytes: Uint8Array, fileName: string): boolean {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const magic = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  return (
    ['xlsx', 'xlsm', 'xls', 'ods', 'numbers'].includes(ext) &&
    (magic(0x50, 0x4b, 3, 4) || magic(0xd0, 0xcf, 0x11, 0xe0))
  );
}

/** `today`: the day the file is read on (a CSV's dates with two digits of their year); the current one by default. */
export function parseContactsFile(bytes: Uint8Array, fileName: string, today?: Day): ParseResult {
  if (bytes.length === 0) return { format: null, contacts: [], errors: [{ code: 'empty' }] };
  if (bytes.length > MAX_IMPORT_BYTES)
    return {
      format: null,
      contacts: [],
      errors: [{ code: 'tooLarge', detail: String(Math.round(bytes.length / 1048576)) }],
    };
  // A list kept in a spreadsheet: the way to a file the import reads, saved as CSV, is said.
  if (isSpreadsheet(bytes, fileName)) return { format: null, contacts: [], errors: [{ code: 'spreadsheet' }] };
  const decoded = decodeText(bytes);
  if (typeof decoded === 'string') return { format: null, contacts: [], errors: [{ code: decoded }] };
  const { text, encoding, guessed } = decoded;
  if (!text.trim()) return { format: null, encoding, contacts: [], errors: [{ code: 'empty' }] };
  const format = detect(text, fileName);
  try {
    if (format === 'vcard') {
      const { guessed: qp, unread, ...read } = parseVCards(text);
      return {
        format,
        encoding: qp ?? encoding,
        ...(qp || guessed ? { encodingGuessed: true } : {}),
        ...read,
        ...(unread ? { cardsUnread: unread } : {}),
      };
    }
    if (format === 'csv') {
      const { layout, ...read } = parseCsv(text, today);
      return { format, encoding, ...(guessed ? { encodingGuessed: true } : {}), ...read, csv: layout };
    }
    if (format === 'fritzbox') {
      const read = parseFritzPhonebook(text);
      if (read) return { format, encoding, ...read };
      return { format: null, encoding, contacts: [], errors: [{ code: 'unknownFormat' }] };
    }
    if (format === 'json') {
      const backup = parseBackup(text);
      if (!backup) return { format, encoding, contacts: [], errors: [{ code: 'badBackup' }] };
      if ('newer' in backup)
        return { format, encoding, contacts: [], errors: [{ code: 'newerBackup', detail: String(backup.newer) }] };
      return {
        format,
        encoding,
        contacts: backup.contacts,
        backup: { contacts: backup.contacts, settings: backup.settings, distinct: backup.distinct },
        errors: backup.damaged.map((record) => ({ code: 'badRecord' as const, record })),
      };
    }
  } catch (e) {
    // A parser bug must not take the page down: the file is refused with a reason.
    return { format, encoding, contacts: [], errors: [{ code: 'unknownFormat', detail: String(e).slice(0, 200) }] };
  }
  return { format: null, encoding, contacts: [], errors: [{ code: 'unknownFormat' }] };
}
