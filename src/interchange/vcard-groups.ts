/**
 * Cards that are not a person: groups, as Apple's Contacts and iCloud write them (`X-ADDRESSBOOKSERVER-KIND:group`
 * with one `X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:…` a member) and as RFC 6350 has them (`KIND:group`, `MEMBER`,
 * §6.1.4 and §6.6.5), and locations. They stand beside the people in an address book, so a whole book's file holds
 * them (Nextcloud's download, a vdir's cards put together). Sync leaves them alone; an import reads a group as a
 * circle of those of its members that the file holds.
 */
import { displayName, nameParts } from './vcard-name';
import { type Card, clean, partsOf, textOf } from './vcard-syntax';

const kindOf = (card: Card) => {
  const kind = card.props.find((p) => p.name === 'KIND' || p.name === 'X-ADDRESSBOOKSERVER-KIND');
  return kind ? textOf(kind).trim().toLowerCase() : '';
};

/** A person's card (or a company's, RFC 6350's "org"): not a group's, not a location's. */
export function isPersonCard(card: Card): boolean {
  const k = kindOf(card);
  return k === '' || k === 'individual' || k === 'org';
}

/** A UID or a member's reference as compared: without urn:uuid:, in lower case (Apple writes UUIDs in upper case). */
const uidKey = (value: string) =>
  value
    .trim()
    .replace(/^urn:uuid:/i, '')
    .toLowerCase();

/** A group of the file: its name, and the UIDs of its members (each once, as compared). */
export interface CardGroup {
  name: string;
  members: Set<string>;
}

/** A group card's name and members; undefined for any other card. */
export function groupOf(card: Card): CardGroup | undefined {
  if (kindOf(card) !== 'group') return undefined;
  const fn = card.props.find((p) => p.name === 'FN');
  const n = card.props.find((p) => p.name === 'N');
  const name = displayName(fn ? clean(textOf(fn)) : '', n && nameParts(partsOf(n)));
  const members = card.props
    .filter((p) => p.name === 'MEMBER' || p.name === 'X-ADDRESSBOOKSERVER-MEMBER')
    .map((p) => uidKey(textOf(p)))
    .filter(Boolean);
  return { name, members: new Set(members) };
}

/** The names of the groups a card's UID is a member of, each once, in the groups' order. */
export function groupsOf(uid: string | undefined, groups: readonly CardGroup[]): string[] {
  if (!uid) return [];
  const key = uidKey(uid);
  return [...new Set(groups.filter((g) => g.name && g.members.has(key)).map((g) => g.name))];
}
