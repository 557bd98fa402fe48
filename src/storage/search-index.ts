/**
 * The search index: every contact's folded search text and due moment, kept in a few long strings so the popup
 * reads all of it in one request and searches it before (and without) loading everyone. 50,000 people are 256
 * strings, not 50,000 objects to copy out of the database (read in a few parts, so copying and taking in overlap).
 *
 * The index lives in the `search` store: bucket number (0…BUCKETS-1, from a hash of the id) → one string of lines
 * `id US due US text`, joined by RS (ASCII unit and record separators, which indexLine keeps out of ids and text). Every write
 * to `contacts` updates the buckets it touches in the same transaction (updateSearchIndex); the database upgrade to
 * version 5 builds it; a view that has read everyone rewrites it if it ever disagrees (indexCheck, rebuildSearchIndex).
 *
 * A large index also has a copy for reading: its buckets in READ_PARTS Blobs (`p0`…, search-lines.ts SearchPart),
 * which a browser reads from the database as files, where strings come through the database itself. A probe in
 * Chromium on this kind of machine (random lines as long as the index's, medians of 10 fresh pages each, 2026-12-05):
 * 50,000 people, 5.2 MB, as 256 strings 190, 230 and 261 ms, in 8 Blobs 114, 102 ms; 10,000 people 66 against 39 ms;
 * 2,000 people 19 against 26 ms (and in 256 Blobs, one a bucket, slower than strings at every size). So the copy
 * is kept from COPY_FROM characters on. Every write marks the buckets it changed (`d12`); a read takes those from the
 * strings, and once the marks are many a popup's read asks the service worker to write the copy anew (search-copy.ts).
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { RS } from '../contacts/search';
import type { Contact } from '../contacts/types';
import { toContact } from '../contacts/validate';
import type { DB, ReconnectDB } from './db';
import { guarded, settle } from './errors';
import { BUCKETS, bucketOf, indexLine, lineId, lineKey, type SearchPart, writeWholeIndex } from './search-lines';

/** How many requests the index is read in (see readSearchIndex), and how many Blobs its copy is. */
export const READ_PARTS = 8;
export const PART_BUCKETS = BUCKETS / READ_PARTS;
/** From how many characters of lines the index has a copy in Blobs (about 33,000 people of the bench's book). */
const COPY_FROM = 3_000_000;
/** Up to how many buckets changed since the copy a read takes from the strings; beyond, it reads the strings only. */
const MARKS_READ = 16;

// Keys: a bucket is its number; the copy's parts and the marks are strings, which sort after every number.
export const partRange = () => IDBKeyRange.bound('p', 'p\uffff');
export const markRange = () => IDBKeyRange.bound('d', 'd\uffff');

type IndexTx = IDBPTransaction<ReconnectDB, ArrayLike<StoreNames<ReconnectDB>>, 'readwrite' | 'versionchange'>;

/**
 * Brings the index in line with these changes, inside the caller's transaction (which must include `search`):
 * `contact` null (or one the list cannot read) removes the id. Each touched bucket is read and written once, however many changes it holds.
 */
export async function updateSearchIndex(
  tx: IndexTx,
  changes: Iterable<{ id: string; contact: Contact | null }>,
): Promise<void> {
  const byBucket = new Map<number, Map<string, string | null>>();
  for (const { id, contact } of changes) {
    const b = bucketOf(id);
    const m = byBucket.get(b) ?? new Map<string, string | null>();
    byBucket.set(b, m);
    // What the list would not read (a record without a name) is not indexed either: a search never finds a row
    // that cannot be shown.
    const readable = contact && toContact(contact);
    const line = readable ? indexLine(readable) : null;
    // The line starts with its id in the index's form: taken from it, not packed a second time.
    m.set(line === null ? lineId(id) : lineKey(line), line);
  }
  const store = tx.objectStore('search');
  await Promise.all(
    [...byBucket].map(async ([b, lines]) => {
      const old = ((await store.get(b)) as string | undefined) ?? '';
      const kept = old ? old.split(RS).filter((line) => !lines.has(lineKey(line))) : [];
      for (const line of lines.values()) if (line !== null) kept.push(line);
      // The bucket is marked as changed since the copy in Blobs (a read takes it from here).
      await Promise.all([store.put(kept.join(RS), b), store.put('', `d${b}`)]);
    }),
  );
}

/** Empties the index (everyone deleted), inside the caller's transaction. */
export function clearSearchIndex(tx: IndexTx): Promise<void> {
  return tx.objectStore('search').clear();
}

/**
 * Reads every bucket: from the copy in Blobs where there is one and few buckets changed since (those from the
 * strings, in the same transaction), otherwise the strings in READ_PARTS requests of one transaction asked for at
 * once, so the browser copies each part out of the database while the page takes in the one before (50,000 people
 * in a bare extension page on this kind of machine, medians of 8, alternating: one request 40.5 ms, 2 parts 36.2, 4
 * parts 28.8, 8 parts 26.6). `eachPart` is given each part (of the strings as it arrives: work on it is done while
 * the next ones are read). `copyStale` is called when the copy should be written anew (search-copy.ts): there is
 * none and the index is large, it is there and the index small, many buckets changed since it, or it could not be
 * read (then the strings are).
 */
export async function readSearchIndex(
  db: DB,
  eachPart?: (buckets: readonly string[]) => void,
  copyStale?: () => void,
): Promise<string[]> {
  const store = db.transaction('search').store;
  const [copy, marks] = await Promise.all([store.getAll(partRange()), store.getAllKeys(markRange())]);
  const parts = copy as SearchPart[];
  if (parts.length === READ_PARTS && marks.length <= MARKS_READ) {
    try {
      const buckets = await readCopy(store, parts, marks);
      for (let i = 0; i < READ_PARTS; i++) eachPart?.(buckets.slice(i * PART_BUCKETS, (i + 1) * PART_BUCKETS));
      // Written anew before the marks are too many to read this way (each is a string read beside the Blobs).
      if (marks.length > MARKS_READ / 2 || indexChars(buckets) < COPY_FROM) copyStale?.();
      return buckets;
    } catch (e) {
      // A copy the browser cannot give back (a Blob's file gone): the strings, and the copy written anew.
      console.warn('search index copy not read', e);
      copyStale?.();
      return readStrings(db.transaction('search').store, eachPart);
    }
  }
  const buckets = await readStrings(store, eachPart);
  if (parts.length || wantsCopy(buckets)) copyStale?.();
  return buckets;
}

type SearchStore = IDBPObjectStore<ReconnectDB, ['search'], 'search', 'readonly'>;

/** Every bucket from the copy's Blobs, those marked as changed since it from the strings (in this transaction). */
async function readCopy(store: SearchStore, parts: SearchPart[], marks: IDBValidKey[]): Promise<string[]> {
  // The Blobs are read beside the changed buckets.
  const [texts, changed] = await Promise.all([
    Promise.all(parts.map(({ text }) => text.text())),
    Promise.all(
      marks.map(async (k) => {
        const b = Number(String(k).slice(1));
        return [b, ((await store.get(b)) as string | undefined) ?? ''] as const;
      }),
    ).then((pairs) => new Map(pairs)),
  ]);
  return parts.flatMap(({ lengths }, i) => {
    const all = texts[i] ?? '';
    let at = 0;
    const buckets = lengths.map((n, j) => {
      at += n;
      return changed.get(i * PART_BUCKETS + j) ?? all.slice(at - n, at);
    });
    if (at !== all.length || lengths.length !== PART_BUCKETS) throw new Error('search index copy out of shape');
    return buckets;
  });
}

/** Every bucket's string, in READ_PARTS requests of this transaction asked for at once, each handed on as it comes. */
async function readStrings(store: SearchStore, eachPart?: (buckets: readonly string[]) => void): Promise<string[]> {
  const strings = await Promise.all(
    Array.from({ length: READ_PARTS }, async (_, i) => {
      const part = (await store.getAll(
        IDBKeyRange.bound(i * PART_BUCKETS, i * PART_BUCKETS + PART_BUCKETS - 1),
      )) as string[];
      eachPart?.(part);
      return part;
    }),
  );
  return strings.flat();
}

/** How many characters of lines these buckets hold. */
const indexChars = (buckets: readonly string[]) => buckets.reduce((n, s) => n + s.length, 0);

/**
 * Whether an index of these buckets has a copy in Blobs: from COPY_FROM characters, and only of text UTF-8 carries
 * as it is (a lone surrogate would come back as U+FFFD, a line that no longer says what the book does).
 */
export const wantsCopy = (buckets: readonly string[]) =>
  indexChars(buckets) >= COPY_FROM &&
  buckets.every((s) => (s as unknown as { isWellFormed(): boolean }).isWellFormed());

/**
 * Rebuilds the whole index from the records, reading and writing in one transaction (a view that read everyone
 * found it out of step: records written around this code, by hand or by an older bug).
 */
export function rebuildSearchIndex(db: DB): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(['contacts', 'search'], 'readwrite');
    const all = await tx.objectStore('contacts').getAll();
    await settle(tx, writeWholeIndex(tx.objectStore('search'), all));
  });
}
