/**
 * One step of a sync run, written as one transaction: the contacts, their search index and sync state, the status
 * and the circles the cards brought (sync-state.ts keeps what sync holds between runs). Only the worker's sync
 * engine writes through here, so the pages' bundles never carry it.
 */
import type { ContactDraft } from '../contacts/fields';
import type { Contact } from '../contacts/types';
import { toContact } from '../contacts/validate';
import { withCircles } from './book-circles';
import { announce } from './changes';
import { findMatch } from './contacts';
import { type DB, type SyncEntry, toRecord } from './db';
import { guarded, settle } from './errors';
import { updateSearchIndex } from './search-index';
import { normalizeSettings } from './settings';
import { EMPTY_STATUS, PULL, type PullList, pullListWrites, pullParts, STATUS, type SyncStatus } from './sync-state';

/**
 * A sync state to write, with its card: a text keeps it, null forgets it (the card is to be made anew), absent
 * leaves the kept card as it is.
 */
export type EntryWrite = Omit<SyncEntry, 'hasCard'> & { card?: string | null };

/** What one step of a sync run writes: contacts and their sync state, and the status, all or nothing. */
export interface SyncWrite {
  contacts?: Contact[];
  deleteContacts?: string[];
  entries?: EntryWrite[];
  deleteEntries?: string[];
  status?: (s: SyncStatus) => SyncStatus;
  /** A pull's list of hrefs to start with; null when the pull is done. */
  pullList?: PullList | null;
  /**
   * Circles the cards brought to someone (a person new from a card, or put into a group on the phone): those the
   * book does not list become the book's, so the list's filter, an export and Settings offer them. A circle
   * removed in Settings that people are still in does not come back by them.
   */
  circles?: string[];
}

export function applySyncWrite(db: DB, w: SyncWrite): Promise<SyncWrite> {
  return syncTransaction(db, async () => w);
}

/** What a sync step may read inside its transaction: the state of the people it is about, as committed now. */
export interface SyncReader {
  contact(id: string): Promise<Contact | undefined>;
  /** Whether a record has this id, readable or not. */
  hasContact(id: string): Promise<boolean>;
  entry(id: string): Promise<SyncEntry | undefined>;
  entryAt(href: string): Promise<SyncEntry | undefined>;
  card(id: string): Promise<string | undefined>;
  /** The contact the store's own matching finds for a draft (contacts.ts findMatch). */
  match(draft: ContactDraft): Promise<Contact | undefined>;
  /** The id of the record that has this profile link (one owner per link). */
  profileOwner(url: string): Promise<string | undefined>;
}

/**
 * One step of a sync run as a single transaction: `work` reads what it needs (never the network: the
 * transaction would end), decides, and what it returns is written with the reads it was decided on, so an edit made
 * in the popup meanwhile is never overwritten by a decision that did not see it.
 */
export function syncTransaction(db: DB, work: (read: SyncReader) => Promise<SyncWrite>): Promise<SyncWrite> {
  return guarded(async () => {
    // Relaxed durability: still all or nothing, but committed without waiting for the disk to confirm (a sync
    // step's data can be fetched again; waiting for the disk made each step several times slower).
    const tx = db.transaction(['contacts', 'sync', 'syncCards', 'meta', 'search'], 'readwrite', {
      durability: 'relaxed',
    });
    const contacts = tx.objectStore('contacts');
    const sync = tx.objectStore('sync');
    const cards = tx.objectStore('syncCards');
    const meta = tx.objectStore('meta');
    const valid = (r: unknown) => (r ? (toContact(r) ?? undefined) : undefined);
    const w = await work({
      contact: async (id) => valid(await contacts.get(id)),
      hasContact: async (id) => (await contacts.getKey(id)) !== undefined,
      entry: (id) => sync.get(id),
      entryAt: (href) => sync.index('byHref').get(href),
      card: async (id) => (await cards.get(id))?.text,
      match: async (draft) => valid(await findMatch(contacts, draft)),
      profileOwner: (url) => contacts.index('byProfileUrl').getKey(url),
    });
    const writes: Promise<unknown>[] = [
      ...(w.contacts ?? []).map((c) => contacts.put(toRecord(c))),
      ...(w.deleteContacts ?? []).map((id) => contacts.delete(id)),
      updateSearchIndex(tx, [
        ...(w.contacts ?? []).map((c) => ({ id: c.id, contact: c })),
        ...(w.deleteContacts ?? []).map((id) => ({ id, contact: null })),
      ]),
      ...(w.deleteEntries ?? []).flatMap((id) => [sync.delete(id), cards.delete(id)]),
      ...(w.entries ?? []).flatMap(({ card, ...e }) => {
        if (card === undefined) return [sync.get(e.id).then((old) => sync.put({ ...e, hasCard: !!old?.hasCard }))];
        if (card === null) return [sync.put({ ...e, hasCard: false }), cards.delete(e.id)];
        return [sync.put({ ...e, hasCard: true }), cards.put({ id: e.id, text: card })];
      }),
    ];
    if (w.status) {
      const change = w.status;
      writes.push(
        meta.get(STATUS).then((s) => meta.put(change({ ...EMPTY_STATUS, ...(s as SyncStatus | undefined) }), STATUS)),
      );
    }
    // A list replaces any before it, part for part (requests in one transaction run in order).
    if (w.pullList !== undefined) writes.push(meta.delete(PULL), meta.delete(pullParts()));
    if (w.pullList) writes.push(...pullListWrites(meta, w.pullList));
    let added: string[] = [];
    if (w.circles?.length) {
      const brought = w.circles;
      writes.push(
        meta.get('settings').then(async (raw) => {
          const book = withCircles(normalizeSettings(raw), brought);
          added = book.added;
          if (added.length) await meta.put(book.settings, 'settings');
        }),
      );
    }
    await settle(tx, writes);
    // With the ids: an open popup patches its list with these people, where a change without ids reads everyone
    // anew (a first sync of a big book is one step per 200 cards).
    const ids = [...(w.contacts ?? []).map((c) => c.id), ...(w.deleteContacts ?? [])];
    if (ids.length) announce({ kind: 'contacts', ids });
    if (w.status) announce({ kind: 'sync' });
    if (added.length) announce({ kind: 'settings' });
    return w;
  });
}
