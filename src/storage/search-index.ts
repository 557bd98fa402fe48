/**
 * The search index: every contact's folded search text and due moment, kept in a few long strings so the popup
 * reads all of it in one request and searches it before (and without) loading everyone. 50,000 people are 256
 * strings, not 50,000 objects to copy out of the database (read in a few parts, so copying and taking in overlap).
 *
 * The index lives in the `search` store: bucket number (0…BUCKETS-1, from a hash of the id) → one string of lines
 * `id US due US text`, joined by RS (ASCII unit and record separators, which indexLine keeps out of ids and text). Every write
 * to `contacts` updates the buckets it touches in the same transaction (updateSearchIndex); the database upgrade to
 * version 5 builds it; a view that has read everyone rewrites it if it ever disagrees (sameIndex, rebuildSearchIndex).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { RS } from '../contacts/search';
import type { Contact } from '../contacts/types';
import { toContact } from '../contacts/validate';
import type { DB, ReconnectDB } from './db';
import { guarded, settle } from './errors';
import { BUCKETS, bucketOf, indexLine, lineId, lineKey, writeWholeIndex } from './search-lines';

/** How many requests the index is read in (see readSearchIndex). */
const READ_PARTS = 8;

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
      const old = (await store.get(b)) ?? '';
      const kept = old ? old.split(RS).filter((line) => !lines.has(lineKey(line))) : [];
      for (const line of lines.values()) if (line !== null) kept.push(line);
      await store.put(kept.join(RS), b);
    }),
  );
}

/** Empties the index (everyone deleted), inside the caller's transaction. */
export function clearSearchIndex(tx: IndexTx): Promise<void> {
  return tx.objectStore('search').clear();
}

/**
 * Reads every bucket, in READ_PARTS requests of one transaction asked for at once: the browser copies each part
 * out of the database while the page takes in the one before. 50,000 people in a bare extension page on this kind
 * of machine (medians of 8, alternating): one request 40.5 ms, 2 parts 36.2, 4 parts 28.8, 8 parts 26.6.
 * `eachPart` is given each part as it arrives: work on it is done while the next ones are copied.
 */
export async function readSearchIndex(db: DB, eachPart?: (buckets: readonly string[]) => void): Promise<string[]> {
  const store = db.transaction('search').store;
  const size = Math.ceil(BUCKETS / READ_PARTS);
  const parts = await Promise.all(
    Array.from({ length: READ_PARTS }, async (_, i) => {
      const part = await store.getAll(IDBKeyRange.bound(i * size, i * size + size - 1));
      eachPart?.(part);
      return part;
    }),
  );
  return parts.flat();
}

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
