/**
 * "Saved twice?" → "Different people": people the user said are not one person saved twice. The mark is on the
 * people themselves, a link of kind "distinct" on each side (contacts/types.ts), so the finder
 * (contacts/duplicates.ts) and the namesakes lines leave them apart, and it travels with them as every link does:
 * a sync (Reconnect's own X-RECONNECT-DISTINCT property), a backup, a merge (the kept record takes the other's), a
 * delete and its undo. Until 0.8.0 the marks were a list of pairs in the meta store: the worker puts them on the
 * people once, when the extension is updated (moveListedMarks); a restore puts an older backup's on its people
 * (restore.ts).
 */
import { markPairs } from '../contacts/relations';
import type { Contact } from '../contacts/types';
import { toContact } from '../contacts/validate';
import { type PeopleTx, writePeople, writing } from './contact-writes';
import { getMany } from './contacts';
import { type DB, fromRecord } from './db';
import { guarded, StoreError } from './errors';

/** One pair, whichever way round it is asked for. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/** Every pair of people marked apart in `people` (by either side's link). */
export function pairsOf(people: readonly Contact[]): Set<string> {
  const pairs = new Set<string>();
  for (const c of people)
    for (const r of c.related) if (r.kind === 'distinct' && r.id && r.id !== c.id) pairs.add(pairKey(c.id, r.id));
  return pairs;
}

/**
 * Every two of `people` marked apart, or (`apart` false: the mark's Undo) no longer; each of them once, written
 * as changed at `now` (a sync sends them); one transaction.
 */
export function markDistinct(db: DB, ids: readonly string[], apart = true, now = Date.now()): Promise<void> {
  return guarded(async () => {
    const tx = writing(db);
    const store = tx.objectStore('contacts');
    const found = await getMany(store, [...ids]);
    const people = new Map<string, Contact>();
    for (const id of ids) {
      const r = found.get(id);
      if (!r) throw new StoreError('notFound', `No contact ${id}`);
      people.set(id, fromRecord(r));
    }
    const list = [...people.keys()];
    const marked = markPairs(
      people,
      list.flatMap((a, i) => list.slice(i + 1).map((b) => [a, b] as const)),
      apart,
    );
    await writeMarked(tx, people, marked, now);
  });
}

/**
 * The people `markPairs` changed (`marked`, out of `people`) written as changed at `now`, with their search lines, in
 * `tx` beside its other writes (`more`); announced once the transaction is done.
 */
async function writeMarked(
  tx: PeopleTx,
  people: Map<string, Contact>,
  marked: Set<string>,
  now: number,
  more: Promise<unknown>[] = [],
): Promise<void> {
  const put = [...marked].map((id) => ({ ...(people.get(id) as Contact), updatedAt: now }));
  await writePeople(tx, { put }, more);
}

/** Where 0.7.0 kept the marks: a list of pairs of ids in the meta store. */
const LISTED = 'distinct';

/** The pairs such a list holds, each two ids joined by a line break; anything else (damaged) is left out. */
export function listedPairs(raw: unknown): [string, string][] {
  return (Array.isArray(raw) ? raw : []).flatMap((x): [string, string][] => {
    const m = typeof x === 'string' ? /^([^\n]+)\n([^\n]+)$/.exec(x) : null;
    return m && m[1] !== m[2] ? [[m[1] as string, m[2] as string]] : [];
  });
}

/**
 * The marks 0.7.0 kept as a list in the meta store put on the people (both sides), and the list gone; one
 * transaction, so an update that stops half-way leaves the list to be moved at the next start. Marked people are
 * written as changed at `now` (a sync sends their marks); a pair with someone no longer here, or unreadable, is
 * dropped, as the finder left it out. Gives the ids it wrote (none when there was no list).
 */
export function moveListedMarks(db: DB, now = Date.now()): Promise<string[]> {
  return guarded(async () => {
    // Asked at every browser start: with nothing to move (every book since), one read that holds up no write.
    if ((await db.get('meta', LISTED)) === undefined) return [];
    const tx = db.transaction(['contacts', 'search', 'meta'], 'readwrite');
    const meta = tx.objectStore('meta');
    const raw = await meta.get(LISTED);
    if (raw === undefined) {
      await tx.done;
      return [];
    }
    const pairs = listedPairs(raw);
    const store = tx.objectStore('contacts');
    const found = await getMany(store, [...new Set(pairs.flat())]);
    const people = new Map<string, Contact>();
    for (const [id, r] of found) {
      const c = toContact(r);
      if (c) people.set(id, c);
    }
    const marked = markPairs(people, pairs);
    await writeMarked(tx, people, marked, now, [meta.delete(LISTED)]);
    return [...marked];
  });
}
