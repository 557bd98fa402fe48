/** vCard out: 4.0 (RFC 6350) and 3.0 for older apps; profile links as URL plus X-SOCIALPROFILE. */
import type { ContactDraft } from '../contacts/types';

const escapeText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

/** Folds a content line at 75 octets (RFC 6350 §3.2), never inside a UTF-8 sequence. */
const encoder = new TextEncoder();
function fold(line: string): string {
  if (line.length <= 25 || encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let cur = '';
  let size = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0) ?? 0;
    const n = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (size + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      size = 0;
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

export interface VCardContact extends ContactDraft {
  id?: string;
  updatedAt?: number;
}

export function writeVCards(contacts: VCardContact[], version: '4.0' | '3.0' = '4.0'): string {
  const lines: string[] = [];
  for (const c of contacts) {
    const add = (s: string) => lines.push(fold(s));
    add('BEGIN:VCARD');
    add(`VERSION:${version}`);
    add(`FN:${escapeText(c.name)}`);
    // The display name is kept whole (splitting it at a space is wrong for many names); 3.0 requires N.
    if (version === '3.0') add(`N:${escapeText(c.name)};;;;`);
    if (c.company) add(`ORG:${escapeText(c.company)}`);
    if (c.role) add(`TITLE:${escapeText(c.role)}`);
    for (const e of c.emails ?? []) add(`EMAIL;TYPE=internet:${escapeText(e)}`);
    for (const p of c.phones ?? []) add(`TEL:${escapeText(p)}`);
    for (const p of c.profiles ?? []) {
      add(`URL:${p.url}`);
      if (p.site !== 'web') add(`X-SOCIALPROFILE;TYPE=${p.site}:${p.url}`);
    }
    if (c.location) add(`ADR:;;;${escapeText(c.location)};;;`);
    if (c.birthday) {
      const mm = String(c.birthday.month).padStart(2, '0');
      const dd = String(c.birthday.day).padStart(2, '0');
      add(
        `BDAY:${c.birthday.year ? `${c.birthday.year}${mm}${dd}` : version === '4.0' ? `--${mm}${dd}` : `--${mm}-${dd}`}`,
      );
    }
    if (c.photoUrl) add(version === '4.0' ? `PHOTO:${c.photoUrl}` : `PHOTO;VALUE=uri:${c.photoUrl}`);
    if (c.circles?.length) add(`CATEGORIES:${c.circles.map(escapeText).join(',')}`);
    if (c.notes) add(`NOTE:${escapeText(c.notes)}`);
    if (c.id) add(`UID:urn:uuid:${c.id}`);
    if (c.updatedAt)
      add(
        `REV:${new Date(c.updatedAt)
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d{3}/, '')}`,
      );
    add('END:VCARD');
  }
  return lines.length ? `${lines.join('\r\n')}\r\n` : '';
}
