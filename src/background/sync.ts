/**
 * When sync runs, in the worker: on an alarm while the browser is open (every 15 minutes unless the user chose
 * otherwise), shortly after a change here (debounced), at browser start, and when the user asks. A failed run is
 * retried later, waiting longer each time; every run stops at once when sync is off or its origin no longer
 * allowed.
 */
import '../sync/messages';
import { browser } from '../platform/browser';
import type { MessageMap } from '../platform/messages';
import type { DB } from '../storage/db';
import { getSyncAccount, getSyncStatus, saveSyncAccount } from '../storage/sync-state';
import { DEFAULT_INTERVAL_MINUTES } from '../sync/constants';
import {
  backoff,
  chooseBook,
  connect,
  createBook,
  removeAccount,
  resolve,
  runSync,
  type SetupResult,
  setEnabled,
  start,
} from '../sync/service';

export const SYNC_ALARM = 'sync';
export const SYNC_SOON = 'sync-soon';
/** How long after a change here sync waits for more (the shortest alarm browsers allow is 30 s). */
const DEBOUNCE = 30_000;

/** The periodic alarm exists exactly while sync is on, at the chosen interval. */
export async function ensureSyncAlarm(db: DB): Promise<void> {
  const account = await getSyncAccount(db);
  if (!account?.enabled) {
    await browser.alarms.clear(SYNC_ALARM);
    await browser.alarms.clear(SYNC_SOON);
    return;
  }
  const period = account.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES;
  const have = await browser.alarms.get(SYNC_ALARM);
  if (have?.periodInMinutes !== period)
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: period, delayInMinutes: period });
}

/** Runs once soon: after a change (debounced: each change moves it), or as the retry after a failure. */
export async function syncSoon(db: DB, delay = DEBOUNCE): Promise<void> {
  const account = await getSyncAccount(db);
  if (account?.enabled) await browser.alarms.create(SYNC_SOON, { when: Date.now() + delay });
}

/** A run, and after a failure the retry. */
export async function syncNow(db: DB): Promise<SetupResult<Awaited<ReturnType<typeof runSync>>>> {
  try {
    return { ok: true, value: await runSync(db) };
  } catch {
    const status = await getSyncStatus(db);
    await syncSoon(db, backoff(status.failures));
    const error = status.error ?? { code: 'failed' as const };
    return { ok: false, code: error.code, ...('detail' in error && error.detail ? { detail: error.detail } : {}) };
  }
}

type Handler<T extends keyof MessageMap> = (
  db: DB,
  request: MessageMap[T]['request'],
) => Promise<MessageMap[T]['response']>;

/** What the worker does for each sync message from the views. */
export const SYNC_MESSAGES: { [T in Extract<keyof MessageMap, `sync-${string}`>]: Handler<T> } = {
  'sync-connect': (db, r) => connect(db, r),
  'sync-create-book': (db, r) => createBook(db, r.home),
  'sync-choose-book': (db, r) => chooseBook(db, r.book),
  'sync-start': async (db) => {
    await start(db);
    await ensureSyncAlarm(db);
    return syncNow(db);
  },
  'sync-now': (db) => syncNow(db),
  'sync-enable': async (db, r) => {
    await setEnabled(db, r.enabled);
    await ensureSyncAlarm(db);
    if (r.enabled) await syncSoon(db, 0);
    return null;
  },
  'sync-interval': async (db, r) => {
    const account = await getSyncAccount(db);
    if (account) await saveSyncAccount(db, { ...account, intervalMinutes: r.minutes });
    await ensureSyncAlarm(db);
    return null;
  },
  'sync-remove': async (db) => {
    await removeAccount(db);
    await ensureSyncAlarm(db);
    return null;
  },
  'sync-resolve': async (db, r) => {
    await resolve(db, r.choice);
    return syncNow(db);
  },
};

export const isSyncMessage = (type: string): type is keyof typeof SYNC_MESSAGES => type in SYNC_MESSAGES;
