/**
 * Writing contacts: every write is one transaction over the contacts and their search index, announced to the
 * other views once it is done. The reads are in contacts.ts; a draft (typed, captured) saved is in draft-writes.ts.
 */
import { type IDBPTransaction, type StoreNames, unwrap } from 'idb';
import { nextDueAt } from '../contacts/cadence';
import type { NewId } from '../contacts/merge';
import { snoozeEnd } from '../contacts/select';
import { type Contact, type FollowUp, type Interaction, type InteractionKind, oldestFirst } from '../contacts/types';
import { announce } from './changes';
import { type DB, fromRecord, type ReconnectDB, toRecord } from './db';
import { abort, guarded, StoreError, settle } from './errors';
import { clearSearchIndex, updateSearchIndex } from './search-index';

/** A read-write transaction over the contacts and their search index: every write keeps both in step. */
export const writing = (db: DB) => db.transaction(['contacts', 'search'], 'readwrite');

/** A read-write transaction over the people, their search index and whatever else a step writes beside them. */
export type PeopleTx = IDBPTransaction<ReconnectDB, ArrayLike<StoreNames<ReconnectDB>>, 'readwrite'>;

/** What a write does to people: `gone` deleted, `added` new (refused if the id is taken), `put` written anew. */
export interface PeopleWrites {
  gone?: string[];
  added?: Contact[];
  put?: Contact[];
}

/**
 * People written in `tx` with their search lines, beside the step's other writes (`more`), every request asked for
 * at once (no round trip waits for another); announced to the other views once the transaction is done. Deletes
 * are asked first, then the records in the order given: a profile link has one owner, so the record that lets it
 * go is written before the one that takes it. The ids written, as announced: whom a view reads again.
 */
export async function writePeople(
  tx: PeopleTx,
  { gone = [], added = [], put = [] }: PeopleWrites,
  more: Promise<unknown>[] = [],
): Promise<string[]> {
  const store = tx.objectStore('contacts');
  const written = [...added, ...put];
  await settle(tx, [
    ...more,
    ...gone.map((id) => store.delete(id)),
    ...added.map((c) => store.add(toRecord(c))),
    ...put.map((c) => store.put(toRecord(c))),
    updateSearchIndex(tx, [
      ...gone.map((id) => ({ id, contact: null })),
      ...written.map((c) => ({ id: c.id, contact: c })),
    ]),
  ]);
  const ids = [...gone, ...written.map((c) => c.id)];
  if (ids.length) announce({ kind: 'contacts', ids });
  return ids;
}

/** What every write needs besides the data: a clock and an id source, injected so tests control both. */
export interface WriteContext {
  now: number;
  newId?: NewId;
  defaultCadence?: number | null;
}

/**
 * Applies a change made by the user to one contact, read and written in one transaction. A change that gives back
 * the very contact it was handed changed nothing: nothing is written, and the contact comes back as it was.
 */
export function updateContact(
  db: DB,
  id: string,
  change: (c: Contact) => Contact,
  ctx: WriteContext,
): Promise<Contact> {
  return guarded(async () => {
    const tx = writing(db);
    const store = tx.objectStore('contacts');
    const r = await store.get(id);
    if (!r) throw new StoreError('notFound', `No contact ${id}`);
    const before = fromRecord(r);
    const next = change(before);
    if (next === before) return before;
    const updated: Contact = { ...next, id, updatedAt: ctx.now };
    // The due date follows what it is worked out from (cadence, last contact, follow-up). A change that leaves the
    // date those give alone (a note, a role, a snooze) keeps it, so an import's spread first due date stands; a
    // change that sets the due date itself keeps its own.
    const due = nextDueAt(updated);
    if (next.nextDueAt === before.nextDueAt && due !== nextDueAt(before)) updated.nextDueAt = due;
    await writePeople(tx, { put: [updated] });
    return updated;
  });
}

/**
 * A contact logged: the interaction added, the last contact moved, and a snooze ended when it is the latest contact
 * (one logged afterwards for an earlier day leaves it). A follow-up given becomes the next due date; without one,
 * a follow-up whose day has come is done (one still ahead stands).
 */
export function loggedContact(c: Contact, interaction: Interaction, followUp?: FollowUp): Contact {
  const interactions = [...c.interactions, interaction].sort(oldestFirst);
  const { snoozedUntil, followUp: had, ...rest } = c;
  const next = followUp ?? (had && had.at > interaction.at ? had : undefined);
  const latest = interaction.at >= (c.lastContactedAt ?? 0);
  return {
    ...rest,
    interactions,
    lastContactedAt: Math.max(c.lastContactedAt ?? 0, interaction.at),
    ...(next ? { followUp: next } : {}),
    ...(snoozedUntil !== undefined && !latest ? { snoozedUntil } : {}),
  };
}

/**
 * Logs that the user got in touch, at `at` (now, or an earlier day), written at `now`: moves the due date to (the
 * last contact + cadence, or the follow-up asked for).
 */
export function markContacted(
  db: DB,
  id: string,
  kind: InteractionKind,
  note: string | undefined,
  at: number,
  followUp?: FollowUp,
  now = at,
): Promise<Contact> {
  return updateContact(
    db,
    id,
    (c) => loggedContact(c, { at, kind, ...(note?.trim() ? { note: note.trim() } : {}) }, followUp),
    { now },
  );
}

export function snooze(db: DB, id: string, until: number, now: number): Promise<Contact> {
  return updateContact(db, id, (c) => ({ ...c, snoozedUntil: until }), { now });
}

/**
 * "A week later", "a month later": snoozed for `days` from `now`, or until their birthday where it comes first, as
 * stored when the snooze is written (contacts/select.ts snoozeEnd). Every snooze button goes through here.
 */
export function snoozeFor(db: DB, id: string, days: number, now: number): Promise<Contact> {
  return updateContact(db, id, (c) => ({ ...c, snoozedUntil: snoozeEnd(c, now, days) }), { now });
}

/**
 * The person with a follow-up planned for a day, no contact logged ("Wiedervorlage": someone just saved, to write to
 * next Tuesday), or with none planned any more (`followUp` undefined). A day planned ends a snooze: it is the day the
 * user asked for. The due date follows where it is written (updateContact): the day planned, else the last contact
 * (or when added) + cadence. The same person when nothing changes.
 */
export function withFollowUp(c: Contact, followUp: FollowUp | undefined): Contact {
  const { followUp: had, snoozedUntil, ...rest } = c;
  if (!followUp) return had ? { ...rest, ...(snoozedUntil !== undefined ? { snoozedUntil } : {}) } : c;
  if (had?.at === followUp.at && had.note === followUp.note && snoozedUntil === undefined) return c;
  return { ...rest, followUp };
}

/** A follow-up planned for a day with no contact logged, or none planned any more (withFollowUp). */
export function planFollowUp(db: DB, id: string, followUp: FollowUp | undefined, now: number): Promise<Contact> {
  return updateContact(db, id, (c) => withFollowUp(c, followUp), { now });
}

/** Writes many contacts in one transaction: all of them, or (on any error) none. */
export function bulkPut(db: DB, contacts: Contact[]): Promise<void> {
  return guarded(async () => {
    const tx = writing(db);
    let indexed: Promise<void>;
    try {
      const store = unwrap(tx.objectStore('contacts'));
      for (const c of contacts) store.put(toRecord(c));
      indexed = updateSearchIndex(
        tx,
        contacts.map((c) => ({ id: c.id, contact: c })),
      );
    } catch (e) {
      abort(tx);
      throw e;
    }
    await settle(tx, [indexed]);
    announce({ kind: 'contacts' });
  });
}

/** Deletes every contact (their links and marks with them) and the reminder state, keeping settings; one transaction. */
export function deleteEverything(db: DB): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(['contacts', 'meta', 'search'], 'readwrite');
    await settle(tx, [
      tx.objectStore('contacts').clear(),
      tx.objectStore('meta').delete('reminder'),
      clearSearchIndex(tx),
    ]);
    announce({ kind: 'contacts' });
  });
}
