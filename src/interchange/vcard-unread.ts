/**
 * What a card holds that an import does not keep, by kind: Reconnect is no full address book, so an embedded
 * photo, a fax number, a street address, a nickname, an anniversary, messenger names, social profiles no link is
 * made of (Game Center, Telegram as an iPhone writes them) and family members are not taken. The
 * preview names them with how many cards hold each, so that nothing is dropped without a word.
 */
import { VCARD_FIELDS } from './vcard-fields';
import { type Card, clean, decoded, type Prop, partsOf, textOf } from './vcard-syntax';

export const UNREAD_KINDS = [
  'photo',
  'fax',
  'street',
  'nickname',
  'anniversary',
  'messenger',
  'social',
  'related',
] as const;
export type UnreadKind = (typeof UNREAD_KINDS)[number];

const MESSENGERS = new Set(['IMPP', 'X-SKYPE', 'X-JABBER', 'X-AIM', 'X-ICQ', 'X-MSN', 'X-YAHOO', 'X-GOOGLE-TALK']);
const filled = (p: Prop) => !!clean(textOf(p));

/** Which kinds of what an import leaves out a card holds. */
function kindsOf(card: Card): Set<UnreadKind> {
  const kinds = new Set<UnreadKind>();
  for (const p of card.props) {
    if (p.name === 'PHOTO' && decoded(p).trim() && !VCARD_FIELDS.photoUrl.owns?.(p)) kinds.add('photo');
    else if (p.name === 'TEL' && filled(p) && !VCARD_FIELDS.phones.owns?.(p)) kinds.add('fax');
    else if (p.name === 'ADR' && clean(partsOf(p)[2] ?? '')) kinds.add('street');
    else if (p.name === 'NICKNAME' && filled(p)) kinds.add('nickname');
    else if ((p.name === 'ANNIVERSARY' || p.name === 'X-ANNIVERSARY') && filled(p)) kinds.add('anniversary');
    else if (MESSENGERS.has(p.name) && filled(p)) kinds.add('messenger');
    else if (p.name === 'X-SOCIALPROFILE' && filled(p) && !VCARD_FIELDS.profiles.owns?.(p)) kinds.add('social');
    else if ((p.name === 'X-ABRELATEDNAMES' || (p.name === 'RELATED' && !VCARD_FIELDS.related.owns?.(p))) && filled(p))
      kinds.add('related');
  }
  return kinds;
}

/** How many of the cards hold each kind an import leaves out, in UNREAD_KINDS's order; none held, none listed. */
export function unreadInCards(cards: readonly Card[]): { kind: UnreadKind; cards: number }[] {
  const counts = new Map<UnreadKind, number>();
  for (const card of cards) for (const k of kindsOf(card)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return UNREAD_KINDS.flatMap((kind) => {
    const n = counts.get(kind);
    return n ? [{ kind, cards: n }] : [];
  });
}
