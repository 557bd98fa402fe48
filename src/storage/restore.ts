/**
 * Restoring a JSON backup: its people as they were saved (same id, history, interactions, links and "Different
 * people" marks; an older backup's list of marked pairs put on its people), and — unless the user unticks it — its
 * settings; in one transaction, all of it or nothing.
 * Loaded with the import code (options/import-code.ts), not with the options page's first screen.
 */
import { unwrap } from 'idb';
import { otherOwner } from '../contacts/link-owner';
import { markPairs } from '../contacts/relations';
import type { Contact } from '../contacts/types';
import { uniteContacts } from '../contacts/unite';
import { withCircles } from './book-circles';
import { announce } from './changes';
import { type ContactsStore, getMany } from './contacts';
import { type DB, fromRecord, toRecord } from './db';
import { listedPairs } from './distinct';
import { abort, guarded, settle } from './errors';
import { updateSearchIndex } from './search-index';
import { normalizeSettings } from './settings';

/**
 * The backup's people whose profile link is another record's here — saved again since the backup (captured after
 * the book was emptied, or in a new browser) — each with the id of that record. A profile link has one owner in
 * the book, so they are merged into it rather than written beside it.
 */
async function heldHere(store: ContactsStore, contacts: Contact[]): Promise<Map<string, string>> {
  const inBackup = new Set(contacts.map((c) => c.id));
  const index = store.index('byProfileUrl');
  const held = await Promise.all(
    contacts.map(async (c) => {
      const owner = await otherOwner(
        c,
        (url) => index.getKey(url),
        (id) => inBackup.has(id),
      );
      return owner === undefined ? undefined : ([c.id, owner] as const);
    }),
  );
  return new Map(held.filter((x) => x !== undefined));
}

/**
 * What restoring a backup does to the people here, said before it is done: those not here come back; those changed
 * here since the backup (a later updatedAt) are replaced by the backup's copy, and their changes since are lost;
 * those saved here again under another record (the same profile link) are merged into it. Everyone else here is
 * left as they are.
 */
export interface RestorePlan {
  back: number;
  older: number;
  merged: number;
}

export async function planRestore(db: DB, contacts: Contact[]): Promise<RestorePlan> {
  const store = db.transaction('contacts').store;
  const [here, held] = await Promise.all([
    getMany(
      store,
      contacts.map((c) => c.id),
    ),
    heldHere(store, contacts),
  ]);
  const plan: RestorePlan = { back: 0, older: 0, merged: 0 };
  for (const c of contacts) {
    const current = here.get(c.id);
    if (held.has(c.id)) plan.merged++;
    else if (!current) plan.back++;
    else if (current.updatedAt > c.updatedAt) plan.older++;
  }
  return plan;
}

/**
 * The people of a backup with its list of marked pairs (how 0.7.0 wrote "Different people") as their links, both
 * sides; a pair naming someone not in the backup is left out (the backup was written with none such).
 */
function withMarks(contacts: Contact[], pairs: readonly string[]): Contact[] {
  if (!pairs.length) return contacts;
  const byId = new Map(contacts.map((c) => [c.id, c]));
  markPairs(byId, listedPairs(pairs));
  return [...byId.values()];
}

export interface Restore {
  contacts: Contact[];
  /** The backup's settings, to put back (absent: the settings here stay, but for circles the people bring). */
  settings?: unknown;
  /** An older backup's "Different people" marks (pairs of ids, 0.7.0): put on its people as their links. */
  distinct?: readonly string[];
  /** When a person merged into their record here is changed (a sync sends them again). */
  now: number;
}

/**
 * Writes a backup back. The circles stay the union of the book's (the backup's, when its settings are put back,
 * else those here) and every circle a restored person is in, so nobody's circle is missing from the filter, an
 * export's choice or Settings. Someone saved here again under another record is merged into it, and the backup's
 * links to them point at it. Returns how many of the backup's people were restored.
 */
export function restoreBackup(db: DB, what: Restore): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction(['contacts', 'search', 'meta'], 'readwrite');
    const meta = tx.objectStore('meta');
    const contacts = tx.objectStore('contacts');
    const stored = meta.get('settings');
    let written: Promise<unknown>[];
    try {
      const people = withMarks(what.contacts, what.distinct ?? []);
      const held = await heldHere(contacts, people);
      const records = await getMany(contacts, [...new Set(held.values())]);
      const relinked = (c: Contact): Contact =>
        c.related.some((r) => r.id && held.has(r.id))
          ? { ...c, related: c.related.map((r) => (r.id && held.has(r.id) ? { ...r, id: held.get(r.id) } : r)) }
          : c;
      /** What is written, by id: the backup's people, and the records here that some of them are merged into. */
      const out = new Map<string, Contact>();
      for (const c of people.map(relinked)) {
        const into = held.get(c.id);
        const record = into === undefined ? undefined : records.get(into);
        if (into === undefined || !record) out.set(c.id, c);
        else out.set(into, { ...uniteContacts(out.get(into) ?? fromRecord(record), c), updatedAt: what.now });
      }
      const store = unwrap(contacts);
      for (const c of out.values()) store.put(toRecord(c));
      written = [
        updateSearchIndex(
          tx,
          [...out.values()].map((c) => ({ id: c.id, contact: c })),
        ),
        stored.then((settings) => {
          const here = normalizeSettings(settings);
          const put = what.settings === undefined ? here : normalizeSettings(what.settings);
          const book = withCircles(put, [...here.circles, ...what.contacts.flatMap((c) => c.circles)]).settings;
          return meta.put(book, 'settings');
        }),
      ];
    } catch (e) {
      // The reads above fail with the transaction: said by the throw, not as an unhandled rejection.
      stored.catch(() => {});
      abort(tx);
      throw e;
    }
    // A failed write aborts the transaction: every request above then fails with it, and nothing is kept.
    await settle(tx, written);
    announce({ kind: 'contacts' });
    announce({ kind: 'settings' });
    return what.contacts.length;
  });
}
