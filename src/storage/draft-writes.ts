/**
 * A draft into the book — a person captured, typed by hand or edited in the capture card's form — each one
 * transaction through contact-writes.ts. Apart from the other writes because only the popup's later code and the
 * tests save drafts: the options page's first screen (which logs and snoozes) does not load the draft rules.
 */
import { applyValues, type ContactDraft, type FieldValues } from '../contacts/fields';
import { changedFields } from '../contacts/match';
import { createContact, mergeDraft, type NewId } from '../contacts/merge';
import type { Contact } from '../contacts/types';
import { updateContact, type WriteContext, writePeople, writing } from './contact-writes';
import { findMatch } from './contacts';
import { type DB, fromRecord } from './db';
import { guarded } from './errors';

const uuid: NewId = () => crypto.randomUUID();

export type UpsertResult =
  | { status: 'created'; contact: Contact }
  | { status: 'updated'; contact: Contact; changes: ReturnType<typeof changedFields> }
  | { status: 'unchanged'; contact: Contact };

/** Saves a captured or imported person: updates the match if there is one, else creates. One transaction. */
export function upsertDraft(
  db: DB,
  draft: ContactDraft,
  source: Contact['source'],
  ctx: WriteContext,
): Promise<UpsertResult> {
  return guarded(async () => {
    const tx = writing(db);
    const store = tx.objectStore('contacts');
    const existing = await findMatch(store, draft);
    let result: UpsertResult;
    if (existing) {
      const before = fromRecord(existing);
      const merged = mergeDraft(before, draft, ctx.now);
      result =
        merged === before
          ? { status: 'unchanged', contact: before }
          : { status: 'updated', contact: merged, changes: changedFields(before, draft) };
    } else {
      const contact = createContact(draft, source, ctx.now, ctx.newId ?? uuid, ctx.defaultCadence);
      result = { status: 'created', contact };
    }
    const { status, contact } = result;
    await writePeople(tx, status === 'created' ? { added: [contact] } : status === 'updated' ? { put: [contact] } : {});
    return result;
  });
}

/**
 * Someone saved, edited in the capture card's form, which shows what is stored: the page's link and photo are added
 * as a capture adds them, then the form's values are theirs (a cleared field is cleared). The page's other values
 * come only through upsertDraft ("Update from page"). Nothing is written when this changes nothing.
 */
export async function saveEdits(
  db: DB,
  id: string,
  values: FieldValues,
  page: ContactDraft,
  ctx: WriteContext,
): Promise<UpsertResult> {
  const fromPage: ContactDraft = {
    name: page.name,
    ...(page.profiles ? { profiles: page.profiles } : {}),
    ...(page.photoUrl ? { photoUrl: page.photoUrl } : {}),
  };
  let changed = false;
  const contact = await updateContact(
    db,
    id,
    (old) => {
      const next = applyValues(mergeDraft(old, fromPage, ctx.now), values);
      changed = JSON.stringify({ ...next, updatedAt: 0 }) !== JSON.stringify({ ...old, updatedAt: 0 });
      return changed ? next : old;
    },
    ctx,
  );
  return changed ? { status: 'updated', contact, changes: [] } : { status: 'unchanged', contact };
}

/**
 * Adds a draft to someone saved, found already (the manual form typed into while the page was silent, when the
 * late answer named them): merged as a capture's save merges, without matching anew, so what the form left out
 * (the page's link) cannot send it to a second record. `chosen`: what the user changed in a form that showed this
 * person's own value, which a merge keeps as stored (their cadence), set as chosen. Nothing is written when it adds
 * nothing.
 */
export async function mergeInto(
  db: DB,
  id: string,
  draft: ContactDraft,
  ctx: WriteContext,
  chosen: FieldValues = {},
): Promise<UpsertResult> {
  let changed = false;
  const contact = await updateContact(
    db,
    id,
    (old) => {
      const merged = mergeDraft(old, draft, ctx.now);
      const next = Object.keys(chosen).length ? applyValues(merged, chosen) : merged;
      changed = JSON.stringify({ ...next, updatedAt: 0 }) !== JSON.stringify({ ...old, updatedAt: 0 });
      return changed ? next : old;
    },
    ctx,
  );
  return changed ? { status: 'updated', contact, changes: [] } : { status: 'unchanged', contact };
}

/** Adds a person typed by hand: always a new contact (two people may share a name). */
export function addContact(db: DB, draft: ContactDraft, ctx: WriteContext): Promise<Contact> {
  return guarded(async () => {
    const contact = createContact(draft, 'manual', ctx.now, ctx.newId ?? uuid, ctx.defaultCadence);
    await writePeople(writing(db), { added: [contact] });
    return contact;
  });
}
