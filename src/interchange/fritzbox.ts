/**
 * A FRITZ!Box phone book (the router's "Telefonbuch", saved from its web interface as XML: phonebooks → phonebook →
 * contact, each with its realName, numbers and email addresses). Many German households and small offices keep the
 * people they call there. Read with the browser's own XML parser (DOMParser); a name written family name first
 * ("Mustermann, Erika", as the box sorts by it) is turned round as everywhere (name-order.ts). A fax, an internal
 * extension ("**610") and a number kept as a memo are no phone of the person's. A call blocklist the box keeps as a
 * phone book of its own ("Rufsperren") holds no one the user knows: it is not read, and said.
 */
import type { ContactDraft } from '../contacts/fields';
import { firstLast } from '../contacts/name-order';
import type { ImportError } from './types';

/** Whether a text is a FRITZ!Box phone book: its root element, after an XML declaration or none. */
export const isFritzPhonebook = (head: string): boolean => /^(?:<\?xml[^>]*\?>\s*)?<phonebooks[\s>]/i.test(head);

/** The number types the box keeps that are the person's phones ("home", "mobile", "work", "other"; none said). */
const PHONE_TYPES = new Set(['', 'home', 'mobile', 'work', 'other']);

/** A phone book of numbers the box refuses: its name says so ("Rufsperren", "Sperrliste", "Blocklist"). */
const BLOCKLIST = /rufsperre|sperrliste|gesperrt|block|spam/i;

const textOf = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export function parseFritzPhonebook(text: string): { contacts: ContactDraft[]; errors: ImportError[] } | null {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.querySelector('parsererror') || doc.documentElement.nodeName !== 'phonebooks') return null;
  const contacts: ContactDraft[] = [];
  const errors: ImportError[] = [];
  const books = [...doc.querySelectorAll('phonebook')];
  for (const book of books.filter((b) => BLOCKLIST.test(b.getAttribute('name') ?? '')))
    errors.push({ code: 'blocklist', detail: book.getAttribute('name') ?? '' });
  const read = books.filter((b) => !BLOCKLIST.test(b.getAttribute('name') ?? ''));
  for (const [i, contact] of read.flatMap((b) => [...b.querySelectorAll(':scope > contact')]).entries()) {
    const name = firstLast(textOf(contact.querySelector('person > realName')));
    const phones = [...contact.querySelectorAll('telephony > number')]
      .filter((n) => PHONE_TYPES.has((n.getAttribute('type') ?? '').toLowerCase()))
      .map(textOf)
      .filter((n) => n && !n.startsWith('**'));
    const emails = [...contact.querySelectorAll('services > email')].map(textOf).filter(Boolean);
    const draft: ContactDraft = { name };
    // Each once by the book's own rule (a number by its digits, an address in any case) when saved: merge.ts.
    if (phones.length) draft.phones = phones;
    if (emails.length) draft.emails = emails;
    if (!name) errors.push({ code: 'noName', record: i + 1 });
    contacts.push(draft);
  }
  return { contacts, errors };
}
