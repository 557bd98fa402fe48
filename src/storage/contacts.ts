/**
 * Reading contacts: by id, by the matching rule, in due order, by birthday, everyone. The writes are in
 * contact-writes.ts, so a page's first screen, which only reads, loads none of them.
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { ContactDraft } from '../contacts/fields';
import { matchKeys } from '../contacts/match';
import type { Contact, ProfileLink } from '../contacts/types';
import { toContact } from '../contacts/validate';
import { birthdayDays } from '../contacts/yearly';
import { type ContactRecord, type DB, fromRecord, type ReconnectDB } from './db';

/** The contacts store in any transaction that includes it. */
export type ContactsStore = IDBPObjectStore<
  ReconnectDB,
  ArrayLike<StoreNames<ReconnectDB>>,
  'contacts',
  IDBTransactionMode
>;

type MatchIndex = 'byProfileUrl' | 'byPageKey' | 'byEmail' | 'byMatchKey';
type Lookup = (index: MatchIndex, key: string) => ContactRecord | undefined | Promise<ContactRecord | undefined>;

/**
 * The matching rule, whatever answers the lookups: a profile link first, then a web address with the name, then an
 * email, then name + company.
 */
async function matchWith(lookup: Lookup, draft: ContactDraft): Promise<ContactRecord | undefined> {
  const keys = matchKeys(draft);
  // Every lookup is asked at once (each is a round trip to the database); the strongest answer wins.
  const hits = await Promise.all([
    ...keys.urls.map((url) => lookup('byProfileUrl', url)),
    ...keys.pages.map((page) => lookup('byPageKey', page)),
    ...keys.emails.map((email) => lookup('byEmail', email)),
    draft.company?.trim() || !(keys.urls.length + keys.pages.length) ? lookup('byMatchKey', keys.nameKey) : undefined,
  ]);
  return hits.find((h) => h !== undefined);
}

/** Finds the stored contact a draft refers to, asking the store's indexes. */
export function findMatch(store: ContactsStore, draft: ContactDraft): Promise<ContactRecord | undefined> {
  return matchWith((index, key) => store.index(index).get(key), draft);
}

/**
 * The same matching for many drafts at once (an import: every record read in one request, `getAll`), over these
 * records only, the index keys looked up in memory, as 10,000 drafts would otherwise be up to 30,000 index reads.
 * Where records share a key the index answers with the lowest id; so does this, given records in id order (as
 * getAll returns them).
 */
export function matcherOf(records: ContactRecord[]): (draft: ContactDraft) => Promise<ContactRecord | undefined> {
  const maps: Record<MatchIndex, Map<string, ContactRecord>> = {
    byProfileUrl: new Map(),
    byPageKey: new Map(),
    byEmail: new Map(),
    byMatchKey: new Map(),
  };
  const add = (index: MatchIndex, keys: unknown, r: ContactRecord) => {
    for (const k of Array.isArray(keys) ? keys : [keys])
      if (typeof k === 'string' && !maps[index].has(k)) maps[index].set(k, r);
  };
  for (const r of records) {
    add('byProfileUrl', r.profileUrls, r);
    add('byPageKey', r.pageKeys, r);
    add('byEmail', r.emails, r);
    add('byMatchKey', r.matchKey, r);
  }
  return (draft) => matchWith((index, key) => maps[index].get(key), draft);
}

/**
 * Records by id inside a transaction. Each request is a round trip to the database process, so many ids are read
 * with one getAll instead; a few with one get each.
 */
export async function getMany(store: ContactsStore, ids: string[], many = 64): Promise<Map<string, ContactRecord>> {
  if (ids.length > many) {
    const wanted = new Set(ids);
    return new Map((await store.getAll()).filter((r) => wanted.has(r.id)).map((r) => [r.id, r]));
  }
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return new Map(found.flatMap((r) => (r ? [[r.id, r] as const] : [])));
}

/** Every contact's id (no record read). */
export function contactIds(db: DB): Promise<string[]> {
  return db.getAllKeys('contacts');
}

/** These contacts' records, as stored. */
export async function contactRecords(db: DB, ids: string[]): Promise<ContactRecord[]> {
  return [...(await getMany(db.transaction('contacts').store, ids)).values()];
}

/**
 * These people as stored now, for a view to patch its list with (contacts/book.ts): null for an id that is gone,
 * or whose record the list cannot read (it leaves such records out).
 */
export async function readContacts(db: DB, ids: Iterable<string>): Promise<Map<string, Contact | null>> {
  const wanted = [...new Set(ids)];
  const found = await getMany(db.transaction('contacts').store, wanted);
  return new Map(wanted.map((id) => [id, toContact(found.get(id)) ?? null]));
}

export async function findContactFor(db: DB, draft: ContactDraft): Promise<Contact | undefined> {
  const r = await findMatch(db.transaction('contacts').store, draft);
  return r && fromRecord(r);
}

/** The people saved with one link: the first few (`people`) and how many in all (`count`). */
export interface Holders {
  people: Contact[];
  count: number;
}

/**
 * Who has this link (a page without a person, by its own address). A profile link is one person's; a web address can
 * be several people's (a company's site): it is someone's own only where one person has it.
 */
export async function linkHolders(db: DB, link: ProfileLink, shown = 5): Promise<Holders> {
  if (link.site !== 'web') {
    const r = await db.getFromIndex('contacts', 'byProfileUrl', link.url);
    return { people: r ? [fromRecord(r)] : [], count: r ? 1 : 0 };
  }
  // A person has a key for each name the address is theirs under (ProfileLink.named): counted once each.
  const store = db.transaction('contacts').store;
  const ids = [
    ...new Set(await store.index('byPageKey').getAllKeys(IDBKeyRange.bound(`${link.url} `, `${link.url} \uffff`))),
  ];
  const records = await Promise.all(ids.slice(0, shown).map((id) => store.get(id)));
  return { people: records.flatMap((r) => (r ? [fromRecord(r)] : [])), count: ids.length };
}

export async function getContact(db: DB, id: string): Promise<Contact | undefined> {
  const r = await db.get('contacts', id);
  return r && fromRecord(r);
}

/**
 * How many people are stored, no record read: every record, one that cannot be read as well ("delete everything"
 * deletes that one too).
 */
export function countContacts(db: DB): Promise<number> {
  return db.count('contacts');
}

/**
 * How many are due at `now`, from the due index (no record read); with `atMost`, counted no further than that (the
 * badge says "99+" beyond 99). A full count walks every due entry, and the database answers nothing else meanwhile:
 * at 50,000 people with 40,000 due it took 617 ms in Chromium, and a small read asked beside it waited 448 ms (a
 * view's read after its own write, when the worker recounts for the badge).
 */
export async function countDue(db: DB, now: number, atMost?: number): Promise<number> {
  const due = IDBKeyRange.upperBound(now);
  if (atMost === undefined) return db.countFromIndex('contacts', 'byDue', due);
  return (await db.getAllKeysFromIndex('contacts', 'byDue', due, atMost)).length;
}

/**
 * The next moment after `now` at which someone falls due (a cadence's date, a follow-up, the end of a snooze): the
 * due index's first key beyond `now`, no record read. Undefined when nobody will.
 */
export async function nextDueAfter(db: DB, now: number): Promise<number | undefined> {
  const cursor = await db.transaction('contacts').store.index('byDue').openKeyCursor(IDBKeyRange.lowerBound(now, true));
  return cursor?.key;
}

/** The records of one of the contacts' number indexes up to `until`, in its order, streamed; damaged ones skipped. */
async function* upTo(db: DB, index: 'byDue' | 'byFollowUp', until: number): AsyncGenerator<Contact> {
  let cursor = await db.transaction('contacts').store.index(index).openCursor(IDBKeyRange.upperBound(until));
  while (cursor) {
    const c = toContact(cursor.value);
    if (c) yield c;
    cursor = await cursor.continue();
  }
}

/**
 * Everyone next shown as due by `until` (their effective due moment), in due order (earliest effective due date
 * first), streamed from the due index so a reader that has enough can stop; damaged records are skipped.
 */
export const dueInOrder = (db: DB, until: number): AsyncGenerator<Contact> => upTo(db, 'byDue', until);

/**
 * Everyone with a follow-up on or before `until` (one still to do from a day gone by too), by its day, streamed from
 * the follow-up index so a reader that has enough can stop (an import can plan a follow-up for everyone); damaged
 * records are skipped. Who of them the reminder names is contacts/select.ts's to say.
 */
export const followUpsInOrder = (db: DB, until: number): AsyncGenerator<Contact> => upTo(db, 'byFollowUp', until);

/**
 * Everyone whose birthday comes within the coming week (contacts/yearly.ts birthdayDays), from the birthday index,
 * a lookup a day; damaged records are skipped. Who of them the reminder names is contacts/select.ts's to say.
 */
export async function birthdaysSoon(db: DB, now: number): Promise<Contact[]> {
  const index = db.transaction('contacts').store.index('byBirthday');
  const found = await Promise.all(birthdayDays(now).map((k) => index.getAll(k)));
  return found.flat().flatMap((r) => toContact(r) ?? []);
}

/** The first contacts in due order, straight from the index: what the list shows before everyone is loaded. */
export async function firstByDue(db: DB, limit: number): Promise<Contact[]> {
  // One request (not a cursor stepping record by record): each step is a round trip to the database process.
  const raw = await db.getAllFromIndex('contacts', 'byDue', null, limit);
  return raw.map(toContact).filter((c): c is Contact => c !== null);
}

/** Every contact; damaged records are left out and counted, never thrown at the view. */
export async function listAll(db: DB): Promise<Contact[] & { corrupted?: number }> {
  const out: Contact[] & { corrupted?: number } = [];
  let corrupted = 0;
  for (const raw of await db.getAll('contacts')) {
    const c = toContact(raw);
    if (c) out.push(c);
    else corrupted++;
  }
  if (corrupted) out.corrupted = corrupted;
  return out;
}

/**
 * Every contact, as listAll, read `chunk` records at a time (one request each, in id order): between chunks the
 * page handles its input, where 50,000 records in one request would hold its main thread for seconds, and
 * `between` may hold each chunk back, the first too. `each` is handed each chunk's contacts as they are read (work
 * on everyone done a chunk at a time, not all at once at the end). Each chunk is its own transaction: a write
 * landing meanwhile is seen by the next reload, which its announcement triggers.
 */
export async function listAllInChunks(
  db: DB,
  {
    chunk = 1000,
    between,
    each,
  }: { chunk?: number; between?: () => Promise<void>; each?: (read: readonly Contact[]) => void } = {},
): Promise<Contact[] & { corrupted?: number }> {
  const out: Contact[] & { corrupted?: number } = [];
  let corrupted = 0;
  let after: string | undefined;
  for (;;) {
    // The reader may hold each chunk back, the first too (the popup, while it reads the rows a search shows: a
    // search typed before everyone is read finds its rows' people read first, not behind a chunk of 250).
    await between?.();
    const raw = await db.getAll('contacts', after === undefined ? null : IDBKeyRange.lowerBound(after, true), chunk);
    const from = out.length;
    for (const r of raw) {
      const c = toContact(r);
      if (c) out.push(c);
      else corrupted++;
    }
    each?.(out.slice(from));
    const last = raw[raw.length - 1];
    if (raw.length < chunk || !last) break;
    after = last.id;
  }
  if (corrupted) out.corrupted = corrupted;
  return out;
}
