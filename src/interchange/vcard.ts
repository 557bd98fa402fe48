/**
 * vCard 2.1, 3.0 and 4.0 in: each card's fields through the mapping table (vcard-fields.ts). Writing is in
 * vcard-write.ts, the syntax in vcard-syntax.ts.
 */
import type { ContactDraft } from '../contacts/fields';
import { addressesOf } from './addresses';
import { type Decoded, decodeByEvidence } from './decode';
import { draftFrom, unreadValues } from './draft';
import type { ImportError, ParseResult } from './types';
import { birthdayText, CardView, emailTexts, phoneTexts, VCARD_FIELDS } from './vcard-fields';
import { type CardGroup, groupOf, groupsOf, isPersonCard } from './vcard-groups';
import { type Card, isQuotedPrintable, params, qpBytes, readCards, revOf, textOf } from './vcard-syntax';
import { unreadInCards } from './vcard-unread';

/**
 * A card as a draft: every field a vCard carries for any address book (Reconnect's own properties are sync's; an own
 * field reads a file by what else it says, VCardField.fromFile), its UID and when it was last changed (REV); a card
 * without a name is named by its first email.
 */
export function cardToDraft(view: CardView): ContactDraft {
  const draft = draftFrom((k) => {
    const field = VCARD_FIELDS[k];
    return field.own ? field.fromFile?.(view) : field.read(view);
  });
  const uid = VCARD_FIELDS.id.read(view);
  const rev = revOf(view.card);
  return { ...draft, ...(uid ? { fileId: uid } : {}), ...(rev === undefined ? {} : { writtenAt: rev }) };
}

/**
 * QUOTED-PRINTABLE values that name no charset (old mail programs): their bytes, all of the file's together, are
 * decoded by evidence, so a name is never garbled for want of a CHARSET. Returns the code page when it was a guess.
 */
function unnamedCharset(cards: Card[]): Decoded['encoding'] | undefined {
  const unnamed = cards.flatMap((c) => c.props).filter((p) => isQuotedPrintable(p) && !params(p).has('CHARSET'));
  if (!unnamed.length) return undefined;
  const all = unnamed.map((p) => qpBytes(p.value));
  const bytes = new Uint8Array(all.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of all) {
    bytes.set(b, at);
    at += b.length;
  }
  const found = decodeByEvidence(bytes);
  for (const p of unnamed) p.charset = found.encoding;
  return found.guessed ? found.encoding : undefined;
}

export function parseVCards(input: string): {
  contacts: ContactDraft[];
  errors: ImportError[];
  /** The code page QUOTED-PRINTABLE values without a CHARSET were read in, when it was a guess. */
  guessed?: Decoded['encoding'];
  groups?: ParseResult['groups'];
  unread?: ParseResult['cardsUnread'];
} {
  const contacts: ContactDraft[] = [];
  const errors: ImportError[] = [];
  const cards = readCards(input);
  const guessed = unnamedCharset(cards);
  // A group is no person: its name is a circle of those of its members this file holds.
  const groups = cards.flatMap((c): CardGroup[] => {
    const g = groupOf(c);
    return g ? [g] : [];
  });
  const members = new Map<string, number>();
  const people = cards.filter(isPersonCard);
  for (const card of people) {
    // An email written with a name gives the address, as a CSV's email cell does.
    const view = new CardView(card, undefined, addressesOf);
    const read = cardToDraft(view);
    const inGroups = groupsOf(read.fileId, groups);
    for (const g of inGroups) members.set(g, (members.get(g) ?? 0) + 1);
    const draft = inGroups.length ? { ...read, circles: [...new Set([...(read.circles ?? []), ...inGroups])] } : read;
    contacts.push(draft);
    // The entry's number among the file's people (as the import's plan counts them), and its line in the file.
    const at = { record: contacts.length, line: card.line };
    if (card.unclosed) errors.push({ code: 'unclosedCard', ...at });
    if (!draft.name) errors.push({ code: 'noName', ...at });
    const urls = view.all('URL').map(textOf);
    errors.push(
      ...unreadValues(
        draft,
        { birthday: birthdayText(view), emails: emailTexts(view), urls, phones: phoneTexts(view) },
        at,
      ),
    );
  }
  // Said of the file, not of an entry: what these lines hold was not read.
  const outside = cards.outside.map((line) => ({ code: 'outsideCard' as const, line }));
  // What the people's cards hold that no field keeps (a photo, a street address…): said in the preview.
  const unread = unreadInCards(people);
  const named = [...new Set(groups.map((g) => g.name).filter(Boolean))].map((name) => ({
    name,
    members: members.get(name) ?? 0,
  }));
  return {
    contacts,
    errors: [...outside, ...errors],
    ...(guessed ? { guessed } : {}),
    ...(named.length ? { groups: named } : {}),
    ...(unread.length ? { unread } : {}),
  };
}
