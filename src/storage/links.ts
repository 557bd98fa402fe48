/**
 * Writes that touch more than one person — a link between two, an introduction asked for, a delete (which takes
 * every link to the person with it) and its undo, two records of one person merged and its undo — each in one
 * transaction over the records and the search index: every side changes, or none; and the undo of a step on one
 * person (a log, an entry taken out, a snooze).
 * Not needed for either page's first screen: their views load this when used.
 */
import { nextDueAt } from '../contacts/cadence';
import { undone } from '../contacts/log-edits';
import { linkBoth, TIE_KINDS, withLink, withoutLinksTo } from '../contacts/relations';
import { type Contact, linkedIds, REVERSE_KIND, type RelationKind } from '../contacts/types';
import { separated, uniteContacts } from '../contacts/unite';
import { loggedContact, updateContact, writePeople, writing } from './contact-writes';
import { type ContactsStore, getMany } from './contacts';
import { type DB, fromRecord } from './db';
import { guarded, StoreError } from './errors';

/** Two people read inside a write: two, and both there (`self` says why one person is refused). */
async function twoPeople(store: ContactsStore, aId: string, bId: string, self: string): Promise<[Contact, Contact]> {
  if (aId === bId) throw new StoreError('failed', self);
  const [ra, rb] = await Promise.all([store.get(aId), store.get(bId)]);
  if (!ra || !rb) throw new StoreError('notFound', `No contact ${ra ? bId : aId}`);
  return [fromRecord(ra), fromRecord(rb)];
}

/** Reads two people, lets `change` make both anew, writes both. */
function bothPeople(
  db: DB,
  aId: string,
  bId: string,
  now: number,
  change: (a: Contact, b: Contact) => [Contact, Contact],
): Promise<[Contact, Contact]> {
  return guarded(async () => {
    const tx = writing(db);
    const store = tx.objectStore('contacts');
    const both = await twoPeople(store, aId, bId, 'A person cannot be linked to themselves');
    const written = change(...both).map((c) => ({
      ...c,
      nextDueAt: nextDueAt(c),
      updatedAt: now,
    })) as [Contact, Contact];
    await writePeople(tx, { put: written });
    return written;
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

/**
 * Removes every link between two people, on both sides: who knows whom, who introduced whom. That the user told
 * them apart ("Different people") stays: it is no link between them.
 */
export function unlinkPeople(db: DB, aId: string, bId: string, now: number) {
  return bothPeople(db, aId, bId, now, (a, b) => [
    withoutLinksTo(a, b.id, TIE_KINDS),
    withoutLinksTo(b, a.id, TIE_KINDS),
  ]);
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

/**
 * Removes a contact and hands it back, so the view can offer undo (restoreContact), with the ids the removal
 * touched (theirs and the people whose link to them went). Every link to them goes with them, on the other
 * people's side too (found by the byRelated index), in the same transaction.
 */
export function removeContact(
  db: DB,
  id: string,
  now = Date.now(),
): Promise<{ contact: Contact; touched: string[] } | undefined> {
  return guarded(async () => {
    const tx = writing(db);
    const store = tx.objectStore('contacts');
    const [r, linked] = await Promise.all([store.get(id), store.index('byRelated').getAll(id)]);
    const changed = r ? linked.map((other) => ({ ...withoutLinksTo(fromRecord(other), id), updatedAt: now })) : [];
    const touched = await writePeople(tx, r ? { gone: [id], put: changed } : {});
    return r && { contact: fromRecord(r), touched };
  });
}

/**
 * Puts a removed contact back (undo), and its links on the other side of each, where that person still is.
 * Gives the ids it wrote.
 */
export function restoreContact(db: DB, contact: Contact, now = Date.now()): Promise<string[]> {
  return guarded(async () => {
    const tx = writing(db);
    const store = tx.objectStore('contacts');
    const others = await getMany(store, linkedIds(contact));
    const changed: Contact[] = [];
    for (const r of others.values()) {
      let c = fromRecord(r);
      for (const link of contact.related)
        if (link.id === c.id) c = withLink(c, contact, REVERSE_KIND[link.kind], link.note);
      changed.push({ ...c, updatedAt: now });
    }
    return writePeople(tx, { added: [contact], put: changed });
  });
}

/**
 * A step on one person (`before` → `after`: a log, an entry taken out, a snooze) taken back, in one transaction:
 * what changed since stands (contacts/log-edits.ts undone).
 */
export function takeBack(db: DB, before: Contact, after: Contact, now: number): Promise<Contact> {
  return updateContact(db, before.id, (c) => undone(c, before, after), { now });
}

/** A merge of two records of one person, as mergePeople made it: every record it wrote, before and after. */
export interface Merged {
  contact: Contact;
  /** The kept person, the other, and the people whose links it pointed at the kept one, as they were. */
  before: Contact[];
  /** The kept person and those people as the merge left them. */
  after: Contact[];
  touched: string[];
}

/**
 * Two saved records of one person made one (contacts/unite.ts): `keepId` takes the other's profiles, emails, log,
 * links and the rest, every link to the other points at `keepId` from now on, and the other record is deleted (a
 * sync deletes its card) — one transaction. Hands back what it wrote, for undo (unmerge).
 */
export function mergePeople(db: DB, keepId: string, otherId: string, now: number): Promise<Merged> {
  return guarded(async () => {
    const tx = writing(db);
    const store = tx.objectStore('contacts');
    const [keep, other] = await twoPeople(store, keepId, otherId, 'A person cannot be merged with themselves');
    const linked = (await store.index('byRelated').getAll(otherId))
      .map(fromRecord)
      .filter((c) => c.id !== keepId && c.id !== otherId);
    const merged: Contact = { ...uniteContacts(keep, other), updatedAt: now };
    // Their links to the other are links to the one kept, each kind once (a link they had to the kept one stands,
    // as the kept one's side of it does).
    const changed = linked.map((c) => {
      let next = withoutLinksTo(c, otherId);
      for (const link of c.related)
        if (link.id === otherId && !next.related.some((r) => r.id === keepId && r.kind === link.kind))
          next = withLink(next, merged, link.kind, link.note);
      return { ...next, updatedAt: now };
    });
    // The other's record goes first (writePeople deletes first): its profile links are the merged person's now.
    const touched = await writePeople(tx, { gone: [otherId], put: [merged, ...changed] });
    return { contact: merged, before: [keep, other, ...linked], after: [merged, ...changed], touched };
  });
}

/**
 * A merge taken back (its Undo), one transaction: the other record back as it was, and from the kept person and
 * the people whose links moved, what the merge brought — a change made since (a note, a contact logged) stands.
 * Written as changed now, so a sync sends them again. Gives the ids.
 */
export function unmerge(db: DB, merge: Pick<Merged, 'before' | 'after'>, now: number): Promise<string[]> {
  return guarded(async () => {
    const tx = writing(db);
    const store = tx.objectStore('contacts');
    const [keep, other, ...linked] = merge.before;
    if (!keep || !other) throw new StoreError('failed', 'Not a merge');
    const afterOf = new Map(merge.after.map((c) => [c.id, c]));
    const current = await getMany(
      store,
      [keep, ...linked].map((c) => c.id),
    );
    const back: Contact[] = [];
    for (const was of [keep, ...linked]) {
      const present = current.get(was.id);
      const after = afterOf.get(was.id);
      // Deleted since: nothing of theirs to take back.
      if (present && after) back.push(separated(fromRecord(present), was, after));
    }
    // The kept person first: the other's profile links are theirs again only once the kept one lets them go.
    const records = [...back.slice(0, 1), other, ...back.slice(1)].map((c) => ({ ...c, updatedAt: now }));
    return writePeople(tx, { put: records });
  });
}
