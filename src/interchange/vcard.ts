/**
 * vCard 2.1, 3.0 and 4.0 in: each card's fields through the mapping table (vcard-fields.ts). Writing is in
 * vcard-write.ts, the syntax in vcard-syntax.ts.
 */
import type { ContactDraft } from '../contacts/fields';
import { draftFrom } from './draft';
import type { ImportError } from './types';
import { CardView, VCARD_FIELDS } from './vcard-fields';
import { readCards } from './vcard-syntax';

/**
 * A card as a draft: every field a vCard carries for any address book (Reconnect's own properties are sync's); a
 * card without a name is named by its first email.
 */
export function cardToDraft(view: CardView): ContactDraft {
  return draftFrom((k) => (VCARD_FIELDS[k].own ? undefined : VCARD_FIELDS[k].read(view)));
}

export function parseVCards(input: string): { contacts: ContactDraft[]; errors: ImportError[] } {
  const contacts: ContactDraft[] = [];
  const errors: ImportError[] = [];
  for (const card of readCards(input)) {
    const draft = cardToDraft(new CardView(card));
    contacts.push(draft);
    if (!draft.name) errors.push({ code: 'noName', record: contacts.length, line: card.line });
  }
  return { contacts, errors };
}
