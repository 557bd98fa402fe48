/**
 * Writes that touch two people at once — a link between them, an introduction asked for — each in one
 * transaction over both records and the search index: both sides change, or neither.
 */
import { nextDueAt } from '../contacts/cadence';
import { linkBoth, withoutLinksTo } from '../contacts/relations';
import type { Contact, RelationKind } from '../contacts/types';
import { announce } from './changes';
import { loggedContact, writing } from './contacts';
import { type DB, fromRecord, toRecord } from './db';
import { guarded, StoreError, settle } from './errors';
import { updateSearchIndex } from './search-index';

/** Reads two people, lets `change` make both anew, writes both. */
function bothPeople(
  db: DB,
  aId: string,
  bId: string,
  now: number,
  change: (a: Contact, b: Contact) => [Contact, Contact],
): Promise<[Contact, Contact]> {
  return guarded(async () => {
    if (aId === bId) throw new StoreError('failed', 'A person cannot be linked to themselves');
    const tx = writing(db);
    const store = tx.objectStore('contacts');
    const [ra, rb] = await Promise.all([store.get(aId), store.get(bId)]);
    if (!ra || !rb) throw new StoreError('notFound', `No contact ${ra ? bId : aId}`);
    const [a, b] = change(fromRecord(ra), fromRecord(rb)).map((c) => ({
      ...c,
      nextDueAt: nextDueAt(c),
      updatedAt: now,
    })) as [Contact, Contact];
    await settle(tx, [
      store.put(toRecord(a)),
      store.put(toRecord(b)),
      updateSearchIndex(tx, [
        { id: a.id, contact: a },
        { id: b.id, contact: b },
      ]),
    ]);
    announce({ kind: 'contacts', ids: [a.id, b.id] });
    return [a, b];
  });
}

/** Links two people in the book (`kind` as `a` sees `b`: a knows b, a was introduced by b), both sides. */
export function linkPeople(
  db: DB,
  aId: string,
  bId: string,
  kind: RelationKind,
  note: string | undefined,
  now: number,
) {
  return bothPeople(db, aId, bId, now, (a, b) => linkBoth(a, b, kind, note));
}

/** Removes every link between two people, on both sides. */
export function unlinkPeople(db: DB, aId: string, bId: string, now: number) {
  return bothPeople(db, aId, bId, now, (a, b) => [withoutLinksTo(a, b.id), withoutLinksTo(b, a.id)]);
}

/**
 * "Ask for an introduction": logged on both people. The one asked was written to (a message: their last contact
 * moves); the person to be introduced gets an entry of its own kind, which is not a contact with them.
 */
export function logIntroductionAsked(
  db: DB,
  introducerId: string,
  targetId: string,
  notes: { introducer: string; target: string },
  now: number,
) {
  return bothPeople(db, introducerId, targetId, now, (introducer, target) => [
    loggedContact(introducer, { at: now, kind: 'message', note: notes.introducer }),
    { ...target, interactions: [...target.interactions, { at: now, kind: 'introduction', note: notes.target }] },
  ]);
}
