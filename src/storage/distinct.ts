/**
 * Pairs of people the user said are not one person ("Saved twice?" → "Different people"): kept in the meta store,
 * so the finder (contacts/duplicates.ts) no longer puts them together. "Delete everything" takes them with the
 * people (contact-writes.ts); a backup carries them (options/backup-file.ts) and a restore adds them (restore.ts).
 */
import type { DB } from './db';
import { guarded } from './errors';

export const DISTINCT_KEY = 'distinct';

/** One pair, whichever way round it is asked for. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/** The pairs a stored value (or a backup's) holds: each two ids; anything else (a damaged value) is left out. */
export function pairsIn(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string' && /^[^\n]+\n[^\n]+$/.test(x)) : [];
}

/** The pairs marked apart (a damaged value reads as none). */
export async function distinctPairs(db: DB): Promise<Set<string>> {
  return new Set(pairsIn(await db.get('meta', DISTINCT_KEY)));
}

/** Every pair of `ids` marked apart, or (`apart` false) no longer; one transaction. */
export function markDistinct(db: DB, ids: readonly string[], apart = true): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction('meta', 'readwrite');
    const pairs = new Set(pairsIn(await tx.store.get(DISTINCT_KEY)));
    for (const [i, a] of ids.entries())
      for (const b of ids.slice(i + 1)) {
        if (apart) pairs.add(pairKey(a, b));
        else pairs.delete(pairKey(a, b));
      }
    await tx.store.put([...pairs], DISTINCT_KEY);
    await tx.done;
  });
}
