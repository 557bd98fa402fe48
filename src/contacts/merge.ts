/**
 * Drafts become contacts: created, merged into a saved person, or united with another draft of the same person.
 * Every step goes field by field through the field table (fields.ts): its kind says how a value is cleaned and
 * united, its merge rule what a newer draft may change.
 */
import { DEFAULT_CADENCE_DAYS, nextDueAt } from './cadence';
import { uniqueList } from './entries';
import { type ContactDraft, DRAFT_FIELDS, type DraftField, FIELDS, isListKind } from './fields';
import { joinNotes, withLineFeeds } from './notes';
import { safeHttpUrl } from './profile-url';
import type { Contact, HistoryEntry } from './types';
import { later, mergedValue } from './unite';

export type NewId = () => string;

type Values = Record<string, unknown>;

/** A draft's value for a field, cleaned as its kind wants; undefined when it carries nothing. */
export function draftValue(d: ContactDraft, k: DraftField): unknown {
  const v = (d as Values)[k];
  const kind = FIELDS[k].kind;
  if (v === undefined || v === null) return v === null && kind === 'cadence' ? null : undefined;
  if (isListKind(kind)) return Array.isArray(v) ? uniqueList(kind, v) : undefined;
  if (kind === 'url') return typeof v === 'string' && safeHttpUrl(v) ? v.trim() : undefined;
  if (kind === 'note' && typeof v === 'string') return withLineFeeds(v).trim();
  if (typeof v === 'string') return v.trim() || undefined;
  if (kind === 'time') return v || undefined;
  return v;
}

/** A person of whom nothing is known yet: every list empty, no note, this cadence (a draft or a card fills it). */
export function blankContact(id: string, source: Contact['source'], now: number, cadenceDays: number | null): Contact {
  return {
    id,
    name: '',
    profiles: [],
    related: [],
    emails: [],
    phones: [],
    circles: [],
    notes: '',
    cadenceDays,
    interactions: [],
    history: [],
    source,
    createdAt: now,
    updatedAt: now,
  };
}

/** Whether a planned follow-up is still to be done: not settled by a contact on or after its day. */
const stillPlanned = (c: Pick<Contact, 'lastContactedAt'>, plan: Contact['followUp']) =>
  plan !== undefined && (c.lastContactedAt === undefined || plan.at > c.lastContactedAt);

export function createContact(
  draft: ContactDraft,
  source: Contact['source'],
  now: number,
  newId: NewId,
  defaultCadence: number | null = DEFAULT_CADENCE_DAYS,
): Contact {
  const c = blankContact(newId(), source, now, defaultCadence) as unknown as Values;
  for (const k of DRAFT_FIELDS) {
    const v = draftValue(draft, k);
    if (v !== undefined) c[k] = v;
  }
  const contact = c as unknown as Contact;
  if (contact.followUp && !stillPlanned(contact, contact.followUp)) delete contact.followUp;
  contact.nextDueAt = nextDueAt(contact);
  return contact;
}

/**
 * Whether a file's value for `k` is certainly older than the one here: the file's record was last changed (a vCard's
 * REV) before this person was saved, or before the value's last change in their role history. A draft that carries no
 * such moment (a capture, a CSV) is never older.
 */
function olderThanHere(c: Contact, d: ContactDraft, k: DraftField): boolean {
  if (d.writtenAt === undefined) return false;
  const since = c.history.findLast((h) => h.field === k)?.at ?? c.createdAt;
  return d.writtenAt < since;
}

/**
 * Merges a draft into a contact, each field by its rule: every profile URL, email, phone and circle is kept, and
 * each line of both notes once (contacts/notes.ts); newer role/company win and the change is recorded in history,
 * unless the file's record is older than the value here (its role, company, location or photo stand). Returns the
 * same object when nothing changed.
 */
export function mergeDraft(c: Contact, d: ContactDraft, now: number): Contact {
  const merged: Values = { ...c };
  const history: HistoryEntry[] = [];
  for (const k of DRAFT_FIELDS) {
    const v = draftValue(d, k);
    const old = (c as unknown as Values)[k];
    if (v === undefined || v === '') continue;
    switch (FIELDS[k].merge) {
      case 'track':
        if (olderThanHere(c, d, k)) break;
        if (v !== old)
          history.push({
            at: now,
            field: k as HistoryEntry['field'],
            ...(old ? { from: old as string } : {}),
            to: v as string,
          });
        merged[k] = v;
        break;
      case 'replace':
        if (!olderThanHere(c, d, k)) merged[k] = v;
        break;
      case 'fill':
        if (!old) merged[k] = v;
        break;
      case 'union':
        merged[k] = uniqueList(FIELDS[k].kind, [...(old as unknown[]), ...(v as unknown[])]);
        break;
      case 'append':
        merged[k] = joinNotes(old as string, v as string);
        break;
      case 'latest':
        merged[k] = later(old, v);
        break;
      case 'plan':
        if (!old) merged[k] = v;
        break;
      case 'keep':
        break;
    }
  }
  if (history.length) merged.history = [...c.history, ...history];
  const result = merged as unknown as Contact;
  // A follow-up is planned only when the contact's last contact (the draft's too) did not settle it.
  if (result.followUp !== c.followUp && !stillPlanned(result, result.followUp)) delete result.followUp;
  if (result.lastContactedAt !== c.lastContactedAt || result.followUp !== c.followUp)
    result.nextDueAt = nextDueAt(result);
  if (JSON.stringify(result) === JSON.stringify(c)) return c;
  result.updatedAt = now;
  return result;
}

/**
 * Two drafts of one file for the same person become one, as two accounts of one person with no common past do
 * (unite.ts mergedValue): lists united, both notes line by line (a line they share once), the later last contact;
 * any other value the first's where it has one — the first in the file, or of two cards that say when they were
 * changed (REV), the one changed last.
 */
export function uniteDrafts(first: ContactDraft, second: ContactDraft): ContactDraft {
  const newer = (first.writtenAt ?? Number.POSITIVE_INFINITY) < (second.writtenAt ?? Number.NEGATIVE_INFINITY);
  const [a, b] = newer ? [second, first] : [first, second];
  const out: Values = { ...b, ...a };
  for (const k of DRAFT_FIELDS) {
    const [x, y] = [(a as Values)[k], (b as Values)[k]];
    if (x === undefined || y === undefined) continue;
    const v = mergedValue(k, x, y);
    if (v !== undefined) out[k] = v;
  }
  return out as ContactDraft;
}
