/**
 * Writing the search index's copy for reading (search-index.ts says why there is one and how it is read): apart, so
 * the popup, which only reads it, does not load this; the service worker writes it.
 */
import type { DB } from './db';
import { guarded, settle } from './errors';
import { markRange, PART_BUCKETS, partRange, READ_PARTS, wantsCopy } from './search-index';
import { BUCKETS, type SearchPart } from './search-lines';

/**
 * Writes the index's copy in Blobs anew from the buckets as they are, its marks taken away, in one transaction; an
 * index that wants none (search-index.ts wantsCopy: a small one, or one with a lone surrogate) loses its copy.
 * The service worker runs it when a popup's read said the copy is stale (background/index.ts), so a popup closed at
 * once still leaves it written.
 */
export function copySearchIndex(db: DB): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction('search', 'readwrite');
    const store = tx.store;
    const lines = IDBKeyRange.bound(0, BUCKETS - 1);
    const [keys, values] = await Promise.all([store.getAllKeys(lines), store.getAll(lines)]);
    const buckets = Array.from({ length: BUCKETS }, () => '');
    keys.forEach((k, i) => {
      buckets[k as number] = values[i] as string;
    });
    const writes: Promise<unknown>[] = [store.delete(markRange())];
    if (!wantsCopy(buckets)) writes.push(store.delete(partRange()));
    else
      for (let i = 0; i < READ_PARTS; i++) {
        const mine = buckets.slice(i * PART_BUCKETS, (i + 1) * PART_BUCKETS);
        const part: SearchPart = { lengths: mine.map((s) => s.length), text: new Blob(mine) };
        writes.push(store.put(part, `p${i}`));
      }
    await settle(tx, writes);
  });
}
