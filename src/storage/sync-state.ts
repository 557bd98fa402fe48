/**
 * What sync keeps between runs: the account (in this browser's extension storage only: never in an export or a
 * backup, never logged), how the last run went, and per linked person the state of their card (db.ts, SyncEntry).
 * Every change a sync run makes to contacts is written in the same transaction as the sync state that explains it,
 * so a worker stopped at any point leaves the two agreeing.
 */
import { announce } from './changes';
import type { DB, SyncEntry } from './db';
import { guarded, settle } from './errors';

export interface SyncAccount {
  /** The server's address as the user gave it, made whole (scheme, trailing slash). */
  server: string;
  username: string;
  password: string;
  /** Origins the user allowed Reconnect to reach: the server's, and the address book's if it lives elsewhere. */
  origins: string[];
  /** The address book chosen at setup. */
  book?: { url: string; name: string };
  /** Off: the account is kept, but nothing is sent. */
  enabled: boolean;
  /** How often sync runs while the browser is open (minutes); the default when not chosen. */
  intervalMinutes?: number;
}

export type SyncErrorCode =
  | 'auth'
  | 'readOnly'
  | 'notCardDav'
  | 'notFound'
  | 'unreachable'
  | 'insecure'
  | 'badAddress'
  | 'elsewhere'
  | 'permission'
  | 'server'
  | 'conflict'
  /** The run went through, but the server did not accept some cards, or their deletes (names, count: their people). */
  | 'refused'
  | 'failed';

/** A side that suddenly looks empty: sync stops and asks instead of deleting everyone on the other side. */
export type Attention = 'serverEmpty' | 'localEmpty';

export interface SyncStatus {
  /** The first link (and its preview) is done: from now on both sides are kept the same. */
  linked: boolean;
  /**
   * How the people synced were read from their cards (sync/constants.ts CARD_READING); before it was kept, 1. A run
   * with a newer reading gives them their cards' new reading first (sync/reread.ts).
   */
  reading?: number;
  /** The server's sync-collection token after the last completed pull (RFC 6578). */
  token?: string;
  /** The book's CTag after the last completed pull, for servers without sync-collection. */
  ctag?: string;
  lastSyncAt?: number;
  /**
   * How the last run failed, or what it could not do. For 'refused': the first few people whose card the server did
   * not accept (`names`) and how many they were in all (`count`); `undeleted` the same for the people deleted here
   * whose card the server would not delete.
   */
  error?: {
    code: SyncErrorCode;
    at: number;
    detail?: string;
    names?: string[];
    count?: number;
    undeleted?: { names: string[]; count: number };
  };
  /**
   * Cards not brought here because a profile link on them is another person's here (one person's two cards on the
   * server, a phone's duplicate): fetched again at each run, until the two are one there, and named in the Sync
   * tab meanwhile, with who has the link here (`here`).
   */
  held?: { href: string; name: string; here?: string }[];
  /** Runs failed in a row: the next retry waits longer each time. */
  failures: number;
  attention?: Attention;
  /** The user confirmed that everyone deleted here is to be deleted on the server too (once). */
  confirmEmpty?: boolean;
  /**
   * A pull under way: how far it is through the hrefs to fetch and to delete (the lists themselves are written
   * once, apart: pullList), and the token to keep once it is all done.
   */
  pending?: { changed: number; removed: number; token?: string };
}

const ACCOUNT = 'syncAccount';
export const STATUS = 'syncStatus';
export const PULL = 'syncPull';

/** The hrefs a pull under way fetches and deletes, in order (status.pending says how far it is). */
export interface PullList {
  changed: string[];
  removed: string[];
}
type PullKind = keyof PullList;

/**
 * How many hrefs one record of a pull's list holds. The list is written once, at the pull's start, in parts (meta
 * `syncPull:changed:0`, …, under a head with the counts), and each batch reads only the part it fetches: a pull
 * of a large book does not hold every href for its whole length.
 */
export const PULL_PART = 500;
export const pullParts = () => IDBKeyRange.bound(`${PULL}:`, `${PULL}:\uffff`);
const pullPart = (kind: PullKind, n: number) => `${PULL}:${kind}:${n}`;

/** A pull's head: the counts, or (written before the list was kept in parts) the lists themselves. */
type PullHead = Partial<Record<PullKind, number | string[]>> | undefined;
const readHead = async (store: { get(key: string): Promise<unknown> }) => (await store.get(PULL)) as PullHead;

/** How many hrefs a pull under way fetches and deletes. */
export async function pullCounts(db: DB): Promise<Record<PullKind, number>> {
  const head = await readHead(db.transaction('meta').store);
  const count = (v: number | string[] | undefined) => (typeof v === 'number' ? v : Array.isArray(v) ? v.length : 0);
  return { changed: count(head?.changed), removed: count(head?.removed) };
}

/**
 * `count` hrefs of a pull's list from position `from`. One transaction, begun at the call: a pull asks for the next
 * batch's hrefs before it writes this batch, and a read begun later would wait for that write.
 */
export async function pullHrefs(db: DB, kind: PullKind, from: number, count: number): Promise<string[]> {
  const tx = db.transaction('meta');
  const old = (await readHead(tx.store))?.[kind];
  if (Array.isArray(old)) return old.slice(from, from + count);
  const parts: string[] = [];
  for (let n = Math.floor(from / PULL_PART); n * PULL_PART < from + count; n++) {
    const part = (await tx.store.get(pullPart(kind, n))) as string[] | undefined;
    if (!part) break;
    parts.push(...part);
  }
  const at = from - Math.floor(from / PULL_PART) * PULL_PART;
  return parts.slice(at, at + count);
}

export function pullListWrites(
  meta: { put(v: unknown, k: string): Promise<unknown> },
  list: PullList,
): Promise<unknown>[] {
  const writes = [meta.put({ changed: list.changed.length, removed: list.removed.length }, PULL)];
  for (const kind of ['changed', 'removed'] as const)
    for (let n = 0; n * PULL_PART < list[kind].length; n++)
      writes.push(meta.put(list[kind].slice(n * PULL_PART, (n + 1) * PULL_PART), pullPart(kind, n)));
  return writes;
}
export const EMPTY_STATUS: SyncStatus = { linked: false, failures: 0 };

export async function getSyncAccount(db: DB): Promise<SyncAccount | null> {
  const raw = (await db.get('meta', ACCOUNT)) as SyncAccount | undefined;
  return raw && typeof raw.server === 'string' && typeof raw.username === 'string' ? raw : null;
}

export function saveSyncAccount(db: DB, account: SyncAccount): Promise<void> {
  return guarded(async () => {
    await db.put('meta', account, ACCOUNT);
    announce({ kind: 'sync' });
  });
}

export async function getSyncStatus(db: DB): Promise<SyncStatus> {
  const raw = (await db.get('meta', STATUS)) as SyncStatus | undefined;
  return raw && typeof raw === 'object' ? { ...EMPTY_STATUS, ...raw } : { ...EMPTY_STATUS };
}

/** Changes the status (read and written in one transaction). */
export function updateSyncStatus(db: DB, change: (s: SyncStatus) => SyncStatus): Promise<SyncStatus> {
  return guarded(async () => {
    const tx = db.transaction('meta', 'readwrite');
    const before = ((await tx.store.get(STATUS)) as SyncStatus | undefined) ?? EMPTY_STATUS;
    const after = change({ ...EMPTY_STATUS, ...before });
    await settle(tx, [tx.store.put(after, STATUS)]);
    announce({ kind: 'sync' });
    return after;
  });
}

/** Removes the account: its credentials, its status and every card's sync state; the contacts stay. */
export function removeSyncAccount(db: DB): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(['meta', 'sync', 'syncCards'], 'readwrite');
    await settle(tx, [
      tx.objectStore('meta').delete(ACCOUNT),
      tx.objectStore('meta').delete(STATUS),
      tx.objectStore('sync').clear(),
      tx.objectStore('syncCards').clear(),
    ]);
    announce({ kind: 'sync' });
  });
}

/** Every linked person's sync state, without the cards (a run reads only the cards it needs). */
export function syncEntries(db: DB): Promise<SyncEntry[]> {
  return db.getAll('sync');
}

/** A person's card as last synced. */
export async function syncCard(db: DB, id: string): Promise<string | undefined> {
  return (await db.get('syncCards', id))?.text;
}
