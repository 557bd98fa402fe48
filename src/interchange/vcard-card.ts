/**
 * One person's card in the user's own address book, as sync reads and writes it: every field of the contact
 * (the standard properties and Reconnect's own X-RECONNECT-… ones), and on writing back, everything Reconnect does
 * not own — an embedded photo, a street address, other apps' X- properties, properties it has no field for — kept
 * exactly as the server had it, byte for byte, as is every property of a field that did not change.
 */
import type { CircleNaming } from '../contacts/circle-names';
import { DRAFT_FIELDS, FIELD_NAMES, type FieldName } from '../contacts/fields';
import { draftValue } from '../contacts/merge';
import type { Contact } from '../contacts/types';
import { isEmpty, sameField, sameValue } from '../contacts/unite';
import { readField } from '../contacts/validate';
import { CardView, type LineWriter, VCARD_FIELDS, type VCardField } from './vcard-fields';
import { type Card, fold, type Prop, readCards, type Version } from './vcard-syntax';

/** A contact's fields as a card holds them, cleaned as the store would keep them; absent where the card says nothing. */
export type CardFields = Partial<Contact>;

const isDraftField = (k: FieldName): k is (typeof DRAFT_FIELDS)[number] => (DRAFT_FIELDS as FieldName[]).includes(k);

/** A field's value from a card, cleaned as the store keeps it. */
function cleaned(k: FieldName, raw: unknown): unknown {
  if (raw === undefined) return undefined;
  if (isDraftField(k)) return draftValue({ name: '', [k]: raw } as never, k);
  return readField(k, raw);
}

/** One field of a card, read and cleaned as the store keeps it. */
const readClean = (view: CardView, k: FieldName) => cleaned(k, VCARD_FIELDS[k].read(view));

/**
 * Every field a card carries. `naming` (here and below): how the card names the book's circles — the starting ones
 * in the user's words, read back in either language (contacts/circle-names.ts); without it, as written. `held`: the
 * contact linked to the card, whose value is given where it is the card's as written (a name synced family name
 * first before it was read turned round), so that a merge does not take it for a change made here.
 */
export function cardFields(card: Card, naming?: CircleNaming, held?: Contact): CardFields {
  const view = new CardView(card, naming);
  const out: Record<string, unknown> = {};
  for (const k of FIELD_NAMES) {
    const v = held && heldAsWritten(view, k, held[k]) ? held[k] : readClean(view, k);
    if (v !== undefined) out[k] = v;
  }
  return out as CardFields;
}

/** Whether a value is the card's as written where the card reads otherwise (VCardField.asWritten). */
function heldAsWritten(view: CardView, k: FieldName, value: unknown): boolean {
  const asWritten = VCARD_FIELDS[k].asWritten;
  return !!asWritten && sameField(k, cleaned(k, asWritten(view)), value);
}

/** A server's card: the one vCard in its text, or null when there is none. */
export function parseCard(text: string): Card | null {
  return readCards(text)[0] ?? null;
}

export { sameValue };

/** Fields whose value a change elsewhere never makes different by itself: REV follows the others. */
const FOLLOWS: FieldName[] = ['updatedAt'];

/** The properties of a field a card holds, each read on its own (for lists: which entries each one carries). */
function readOne(k: FieldName, p: Prop, version: string, naming?: CircleNaming): unknown {
  return readClean(new CardView({ props: [p], line: 0, version }, naming), k);
}

/**
 * The fields a contact holds differently from the card (what writing it back would change), REV and UID aside; a
 * value the card holds as written is no change (VCardField.asWritten).
 */
export function changedFields(c: Contact, base: Card, naming?: CircleNaming): FieldName[] {
  const view = new CardView(base, naming);
  // A card's UID is the server's name for it: a card linked to a contact of another id keeps its own.
  const keepsUid = !!view.first('UID');
  return FIELD_NAMES.filter(
    (k) =>
      !FOLLOWS.includes(k) &&
      !(k === 'id' && keepsUid) &&
      !sameField(k, readClean(view, k), c[k]) &&
      !heldAsWritten(view, k, c[k]),
  );
}

/**
 * The card for a contact. With `base` (the card as the server last had it), every property of an unchanged field
 * and every property no field owns is written back exactly as it was, in its place. A changed field is written
 * where its first property stood: a list keeps the properties whose entries are all still in it (with their
 * parameters: TYPE=cell stays) and adds the new entries; an address or organisation keeps what the field does not
 * own (street, departments). Without `base`, a new vCard 3.0: the version every CardDAV server must take (RFC 6352
 * §5.1) and every address book app reads (the Contacts app on a Mac has been seen to skip a 4.0 card and fail the
 * book's sync); a card keeps the version it has.
 */
export function writeContactCard(c: Contact, base?: Card | null, naming?: CircleNaming): string {
  const version: Version = base?.version === '4.0' ? '4.0' : '3.0';
  const changed = new Set<FieldName>(base ? changedFields(c, base, naming) : FIELD_NAMES);
  if (changed.size) for (const k of FOLLOWS) changed.add(k);

  const lines: string[] = base ? ['BEGIN:VCARD'] : ['BEGIN:VCARD', `VERSION:${version}`];
  const out: LineWriter = {
    version,
    ...(naming ? { naming } : {}),
    add: (name, value, paramText = '') => lines.push(fold(`${name}${paramText}:${value}`)),
    raw: (head, value) => lines.push(fold(`${head}:${value}`)),
  };
  const owned = new Map<FieldName, Prop[]>();
  const ownerOf = (p: Prop) =>
    FIELD_NAMES.find((k) => {
      const f = VCARD_FIELDS[k] as VCardField<FieldName>;
      return f.names.includes(p.name) && (f.owns?.(p) ?? true);
    });
  for (const p of base?.props ?? []) {
    const k = ownerOf(p);
    if (k) owned.set(k, [...(owned.get(k) ?? []), p]);
  }

  const written = new Set<FieldName>();
  const emit = (k: FieldName) => {
    written.add(k);
    const field = VCARD_FIELDS[k] as VCardField<FieldName>;
    const value = c[k];
    const before = owned.get(k) ?? [];
    if (value === null) return field.writeNull?.(out);
    if (isEmpty(value)) return;
    if (Array.isArray(value)) {
      // Keep each old property whose entries are all still there; write only the entries none of them carries. Both
      // in the order the person has them here (a kept property where its first entry is), so the card reads back
      // in that order: a list put in another order here is sent as such, and is no change once sent.
      const kept = before.flatMap((p) => {
        const items = readOne(k, p, base?.version ?? '4.0', naming);
        return Array.isArray(items) && items.length && items.every((it) => value.some((v) => sameValue(v, it)))
          ? [{ raw: p.raw, items }]
          : [];
      });
      const carries = (p: (typeof kept)[number], v: unknown) => p.items.some((it) => sameValue(v, it));
      const written = new Set<(typeof kept)[number]>();
      let fresh: unknown[] = [];
      const flush = () => {
        if (fresh.length) (field.write as (v: unknown, o: LineWriter) => void)(fresh, out);
        fresh = [];
      };
      for (const v of value) {
        const mine = kept.filter((p) => carries(p, v));
        if (!mine.length) fresh.push(v);
        for (const p of mine.filter((p) => !written.has(p))) {
          flush();
          written.add(p);
          lines.push(p.raw);
        }
      }
      flush();
      return;
    }
    const first = before[0];
    if (first && field.rewrite)
      (field.rewrite as (v: unknown, b: Prop, o: LineWriter, ps: readonly Prop[]) => void)(value, first, out, before);
    else (field.write as (v: unknown, o: LineWriter) => void)(value, out);
  };
  for (const p of base?.props ?? []) {
    const owner = ownerOf(p);
    if (!owner || !changed.has(owner)) lines.push(p.raw);
    else if (!written.has(owner)) emit(owner);
  }
  for (const k of FIELD_NAMES) if (changed.has(k) && !written.has(k)) emit(k);
  lines.push('END:VCARD');
  return `${lines.join('\r\n')}\r\n`;
}
