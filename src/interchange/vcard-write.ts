/** vCard out: 4.0 (RFC 6350) and 3.0 for older apps, every field the mapping table (vcard-fields.ts) carries. */
import { FIELD_NAMES } from '../contacts/fields';
import type { Contact } from '../contacts/types';
import { type LineWriter, VCARD_FIELDS } from './vcard-fields';
import { fold, type Version } from './vcard-syntax';

/** A contact, or a draft with what a stored contact adds (its id becomes the UID, its last change the REV). */
export type VCardContact = Partial<Contact> & Pick<Contact, 'name'>;

export function writeVCards(contacts: VCardContact[], version: Version = '4.0'): string {
  const lines: string[] = [];
  const out: LineWriter = {
    version,
    add: (name: string, value: string, paramText = '') => lines.push(fold(`${name}${paramText}:${value}`)),
    raw: (head: string, value: string) => lines.push(fold(`${head}:${value}`)),
  };
  for (const c of contacts) {
    lines.push('BEGIN:VCARD', `VERSION:${version}`);
    out.salutation = c.salutation;
    for (const k of FIELD_NAMES) {
      const value = c[k];
      const field = VCARD_FIELDS[k];
      if (!field.own && value !== undefined && value !== null)
        (field.write as (v: unknown, o: typeof out) => void)(value, out);
    }
    lines.push('END:VCARD');
  }
  return lines.length ? `${lines.join('\r\n')}\r\n` : '';
}
