/**
 * Merging a person's two sides — this browser's contact and the card in the user's address book — field by field
 * against the card as both last agreed on (the base). Pure: no I/O, no clock.
 *
 * A field changed on one side only takes that side. Changed on both: lists are merged entry by entry (what either
 * side added is kept, what either removed goes), and so are interactions and role history, counting entries alike;
 * a note is merged line by line, the later of two moments wins (last contact, a snooze), and for a single value
 * (a name, a role) the side that changed last wins. The last contact then follows the merged log. Without a base
 * (the first link of two books) nothing is removed: lists and logs are united, both notes kept (the lines they share
 * once), and any other value is taken from the other side only where this one has none.
 */
import { FIELD_NAMES, type FieldName } from '../contacts/fields';
import { withLastContact } from '../contacts/log-edits';
import type { Contact } from '../contacts/types';
import { mergedValue, sameField, withDueDate } from '../contacts/unite';
import { readField } from '../contacts/validate';
import type { CardFields } from '../interchange/vcard-card';
import { VCARD_FIELDS } from '../interchange/vcard-fields';

/** Fields the merge does not decide: the id is the local one, the last change is the engine's clock. */
const NOT_MERGED: FieldName[] = ['id', 'updatedAt'];

export interface MergeSides {
  /** The card as both sides last agreed on; undefined at the first link. */
  base: CardFields | undefined;
  local: Contact;
  remote: CardFields;
  /** The card was changed after the contact (its REV is later): it wins a value both sides changed. */
  remoteNewer: boolean;
  /**
   * The card still carries Reconnect's own properties. An app that edited it and dropped them all (they are
   * nobody else's) did not mean to clear the cadence, the interactions and the rest: they are kept.
   */
  remoteHasOwn: boolean;
}

/** The person both sides should hold now. */
export function mergeSides({ base, local, remote, remoteNewer, remoteHasOwn }: MergeSides): Contact {
  const merged: Record<string, unknown> = { ...local };
  for (const k of FIELD_NAMES) {
    if (NOT_MERGED.includes(k)) continue;
    const l = local[k];
    const r = !remoteHasOwn && VCARD_FIELDS[k].own ? (base?.[k] ?? l) : remote[k];
    if (sameField(k, l, r)) continue;
    if (!base) {
      // First link: nothing is removed (contacts/unite.ts).
      const v = mergedValue(k, l, r);
      if (v !== undefined) merged[k] = v;
      continue;
    }
    const b = base[k];
    if (sameField(k, b, l)) merged[k] = r;
    // Changed on both sides: by the field's rule (contacts/unite.ts), the side changed last for a single value.
    else if (!sameField(k, b, r)) merged[k] = mergedValue(k, l, r, { base: b, theirsNewer: remoteNewer });
  }
  // A field the card no longer has takes its kind's empty value: a list is empty (a contact always has its lists,
  // which the store reads), anything else is not set. A link taken out there, the person's last, left them none.
  for (const k of Object.keys(merged))
    if (merged[k] === undefined) {
      const none = readField(k as FieldName, undefined);
      if (none === undefined) delete merged[k];
      else merged[k] = none;
    }
  // The last contact as the merged log has it (an entry taken out on one side, another logged on the other); the next
  // due date goes with the last contact it was computed from: the side whose last contact stands.
  const out = withLastContact(merged as unknown as Contact, local, remote as Pick<Contact, 'interactions'>);
  return withDueDate(out, local, remote);
}
