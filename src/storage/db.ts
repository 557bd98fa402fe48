import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { effectiveDueAt } from '../contacts/due';
import { pageKeys, profileLinks } from '../contacts/match';
import { matchKey } from '../contacts/normalize';
import { type Contact, linkedIds } from '../contacts/types';
import { toContact } from '../contacts/validate';
import { asOpenError, StoreError } from './errors';
import { type SearchPart, writeWholeIndex } from './search-lines';

/** A contact as stored: the Contact plus the derived keys its indexes need (IndexedDB cannot index into objects). */
export interface ContactRecord extends Contact {
  /** The links on known sites: each is one person's (a unique index). */
  profileUrls: string[];
  /** Each web address with the name (match.ts pageKeys): colleagues share a company's site, so it is not unique. */
  pageKeys?: string[];
  matchKey: string;
  /** When the person is next shown as due (contacts/due.ts): who is due now is one range of the byDue index. */
  dueAt?: number;
  /** The ids of the people this one is linked to: who points at someone is one lookup of the byRelated index. */
  relatedIds?: string[];
}

export interface ReconnectDB extends DBSchema {
  contacts: {
    key: string;
    value: ContactRecord;
    /**
     * The matching keys (profile link, web address, email, name + company), the due order, the birthdays' month
     * and day and the follow-ups' days: nothing else is queried.
     */
    indexes: {
      byProfileUrl: string;
      byPageKey: string;
      byEmail: string;
      byMatchKey: string;
      byDue: number;
      byRelated: string;
      byBirthday: [month: number, day: number];
      byFollowUp: number;
    };
  };
  meta: { key: string; value: unknown };
  /** Sync's memory of each linked person's card in the user's address book (sync-state.ts). */
  sync: {
    key: string;
    value: SyncEntry;
    indexes: { byHref: string };
  };
  /** The card of each linked person as last synced: apart, so a run reads only the cards it needs. */
  syncCards: { key: string; value: { id: string; text: string } };
  /**
   * The search index (search-index.ts): bucket number → that bucket's lines; in a large book also its copy in a few
   * Blobs (`p0`…) and a mark for each bucket changed since that copy (`d12`).
   */
  search: { key: number | string; value: string | SearchPart };
}

/**
 * One person linked to a card on the sync server: where the card is and its ETag; the card itself as the server
 * last had it (the base a three-way merge compares both sides with, and what a write-back keeps foreign
 * properties from) is kept apart in syncCards. An entry whose contact is gone is a delete not yet confirmed by the
 * server (a tombstone).
 */
export interface SyncEntry {
  /** The contact's id. */
  id: string;
  href: string;
  /** Unknown until the server gave one. */
  etag?: string;
  /** A card is kept in syncCards; without one the card is (re)created with If-None-Match: *. */
  hasCard?: boolean;
  /** The contact's updatedAt that the kept card already says: a contact still at it has nothing to send. */
  updatedAt?: number;
}

export type DB = IDBPDatabase<ReconnectDB>;
export const DB_NAME = 'reconnect';
/** Bump only together with a new `if (oldVersion < N)` step in upgrade(); never edit a shipped step. */
export const DB_VERSION = 11;

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function toRecord(c: Contact): ContactRecord {
  return {
    ...c,
    profileUrls: profileLinks(c.profiles),
    pageKeys: pageKeys(c.profiles, c.name),
    matchKey: matchKey(c.name, c.company),
    dueAt: effectiveDueAt(c),
    relatedIds: linkedIds(c),
  };
}

/**
 * Reads a stored record back into a Contact, dropping the derived index keys. A damaged record (written by a bug,
 * edited by hand) is repaired where it can be; one without an id or a name is reported as corrupt.
 */
export function fromRecord(r: ContactRecord): Contact {
  const c = toContact(r);
  if (!c) throw new StoreError('corrupt', `A stored contact is damaged (${String((r as { id?: unknown })?.id)})`);
  return c;
}

/** The search index written anew from the records, inside an upgrade (search-lines.ts writeWholeIndex). */
function rebuildIndex(tx: IDBPTransaction<unknown, string[], 'versionchange'>): void {
  void tx
    .objectStore('contacts')
    .getAll()
    .then((all) => writeWholeIndex(tx.objectStore('search'), all));
}

/**
 * What a schema version changes in a stored record (keys derived anew under a new rule), or undefined where it
 * leaves the record as it is. An upgrade applies every step after the stored version, in version order, to one read
 * of the records and writes a record any of them changed once, so each step sees what the steps before it wrote.
 * A version that rewrites records adds its step here; never edit a shipped one.
 */
const RECORD_STEPS: [version: number, step: (r: ContactRecord) => ContactRecord | undefined][] = [
  // Version 2 (0.2.0): the effective due date, for the byDue index.
  [
    2,
    (r) => {
      const dueAt = effectiveDueAt({ nextDueAt: num(r.nextDueAt), snoozedUntil: num(r.snoozedUntil) });
      return dueAt === undefined ? undefined : { ...r, dueAt };
    },
  ],
  // Version 8 (0.7.0): readable records with a web address get their two keys anew (the address out of the unique
  // profile-link index, into the one of web addresses with the name); the others are not touched (an unreadable one
  // keeps its keys: it is left out wherever read, as before).
  [
    8,
    (r) => {
      const c = toContact(r);
      if (!c?.profiles.some((p) => p.site === 'web')) return undefined;
      return { ...r, profileUrls: profileLinks(c.profiles), pageKeys: pageKeys(c.profiles, c.name) };
    },
  ],
  // Version 9 (0.8.1): readable records whose stored name + company key the rule now writes otherwise (a name with a
  // title, or a key an older build folded otherwise) get it anew; the others, and an unreadable one, are not touched.
  [
    9,
    (r) => {
      const c = toContact(r);
      const key = c ? matchKey(c.name, c.company) : r.matchKey;
      return key === r.matchKey ? undefined : { ...r, matchKey: key };
    },
  ],
];

/** The record steps after version `from` (RECORD_STEPS), inside an upgrade: one read, one write per changed record. */
function rewriteRecords(tx: IDBPTransaction<unknown, string[], 'versionchange'>, from: number): void {
  const contacts = tx.objectStore('contacts');
  const steps = RECORD_STEPS.filter(([v]) => v > from).map(([, step]) => step);
  if (!steps.length) return;
  void contacts.getAll().then((all: ContactRecord[]) => {
    for (const r of all) {
      const out = steps.reduce((x, step) => step(x) ?? x, r);
      if (out !== r) void contacts.put(out);
    }
  });
}

/** Called when another context needs a newer schema, or deleted the database: this one must close. */
export type DbEvent = 'blocked' | 'versionchange' | 'terminated';

export async function openDatabase(onEvent: (e: DbEvent) => void = () => {}, name = DB_NAME): Promise<DB> {
  try {
    return await open(onEvent, name);
  } catch (e) {
    throw asOpenError(e);
  }
}

async function open(onEvent: (e: DbEvent) => void, name: string): Promise<DB> {
  const db = await openDB<ReconnectDB>(name, DB_VERSION, {
    upgrade(typed, oldVersion, _newVersion, typedTx) {
      // Shipped steps name indexes later versions dropped: they run untyped, exactly as they shipped.
      const db = typed as unknown as IDBPDatabase;
      const tx = typedTx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      // Version 1 (0.1.0): contacts with their indexes, and a small key-value store for settings.
      if (oldVersion < 1) {
        const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
        contacts.createIndex('byProfileUrl', 'profileUrls', { unique: true, multiEntry: true });
        contacts.createIndex('byEmail', 'emails', { multiEntry: true });
        contacts.createIndex('byDue', 'nextDueAt');
        contacts.createIndex('bySortName', 'sortName');
        contacts.createIndex('byCircle', 'circles', { multiEntry: true });
        contacts.createIndex('byUpdated', 'updatedAt');
        contacts.createIndex('byMatchKey', 'matchKey');
        db.createObjectStore('meta');
      }
      // Version 2 (0.2.0): the effective due date (a snooze reaching past the due date moves it), indexed, so
      // "who is due" and the badge's count are one index range. Every existing record gets the derived key
      // (RECORD_STEPS); the records are otherwise left exactly as they are (damaged ones included: they are
      // reported where read).
      if (oldVersion < 2) tx.objectStore('contacts').createIndex('byDueAt', 'dueAt');
      // Version 3 (0.3.0): one due index. byDue (the cadence due date) and byDueAt (the effective one) carried one
      // idea; byDueAt stays, named byDue. byCircle, byUpdated and bySortName were never queried, yet each cost every
      // write. Records are not touched (a stale sortName in older ones is never read).
      if (oldVersion < 3) {
        const contacts = tx.objectStore('contacts');
        for (const unused of ['byDue', 'byCircle', 'byUpdated', 'bySortName'])
          if (contacts.indexNames.contains(unused)) contacts.deleteIndex(unused);
        contacts.index('byDueAt').name = 'byDue';
      }
      // Version 4 (0.4.0): sync with the user's address book keeps a state per linked card. Nothing else changes.
      if (oldVersion < 4) {
        const sync = db.createObjectStore('sync', { keyPath: 'id' });
        sync.createIndex('byHref', 'href', { unique: true });
        db.createObjectStore('syncCards', { keyPath: 'id' });
      }
      // Version 5 (0.5.0): the search index, built here from every readable record (a damaged one is left out of
      // it, as it is left out of the list). The records themselves are not touched.
      if (oldVersion < 5) {
        db.createObjectStore('search');
        if (oldVersion >= 1) rebuildIndex(tx);
      }
      // Version 6 (0.6.0): links between people (who knows whom, who introduced whom). Their ids are indexed, so a
      // delete finds everyone pointing at the person. No stored record has links yet: none is touched.
      if (oldVersion < 6) tx.objectStore('contacts').createIndex('byRelated', 'relatedIds', { multiEntry: true });
      // Version 7 (0.6.0): the search index's lines in a shorter form (search-lines.ts: UUIDs and due moments
      // packed), rebuilt from the records. Built above in that form already when the index is new.
      if (oldVersion >= 5 && oldVersion < 7) rebuildIndex(tx);
      // Version 8 (0.7.0): web addresses (links on no known site: a homepage, a company's website) leave the unique
      // profile-link index: colleagues share their company's site. They are indexed with the name (byPageKey), not
      // uniquely; the records' keys are written anew (RECORD_STEPS).
      if (oldVersion < 8) tx.objectStore('contacts').createIndex('byPageKey', 'pageKeys', { multiEntry: true });
      // Version 9 (0.8.1): the name + company key leaves out the titles before a name (RECORD_STEPS). No index
      // changes.
      // Version 10 (0.8.2): birthdays by month and day (the stored birthday's own fields; a record without one is
      // not in the index), so the weekly reminder finds whose birthday comes this week in one lookup a day. No record
      // is touched.
      if (oldVersion < 10) tx.objectStore('contacts').createIndex('byBirthday', ['birthday.month', 'birthday.day']);
      // Version 11 (0.8.3): follow-ups by their day (the stored follow-up's own field; a record without one is not in
      // the index), so the weekly reminder names every follow-up due by its reach however many others are overdue. No
      // record is touched.
      if (oldVersion < 11) tx.objectStore('contacts').createIndex('byFollowUp', 'followUp.at');
      // Every record step from the stored version on, over one read of the records.
      if (oldVersion >= 1) rewriteRecords(tx, oldVersion);
    },
    // An older version is open elsewhere (another popup or tab) and holds up our upgrade.
    blocked: () => onEvent('blocked'),
    // A newer version wants to upgrade: step aside so it can, and let the view tell the user to reopen.
    blocking: () => {
      db.close();
      onEvent('versionchange');
    },
    terminated: () => onEvent('terminated'),
  });
  return db;
}
