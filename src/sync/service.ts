/**
 * Sync as the worker runs it: the account's setup steps (connect, choose or create a book, preview, start), runs
 * (one at a time; only while sync is on and the browser still grants the server's origin), and how a run ends:
 * the time it finished, or the error in a code the views put into words, with a retry that waits longer after each
 * failure. Nothing here talks to any origin but the ones the user allowed for the account.
 */
import { circleNaming } from '../contacts/circle-names';
import { browser } from '../platform/browser';
import { circleLabels } from '../platform/circles';
import type { DB } from '../storage/db';
import { getSettings } from '../storage/settings';
import {
  getSyncAccount,
  getSyncStatus,
  removeSyncAccount,
  type SyncAccount,
  type SyncErrorCode,
  saveSyncAccount,
  syncEntries,
  updateSyncStatus,
} from '../storage/sync-state';
import { applySyncWrite } from '../storage/sync-steps';
import { BOOK_NAME } from './constants';
import { type AddressBook, Dav, originPattern, SyncError, serverAddress } from './dav';
import { Engine, type LinkPreview, type RunReport } from './engine';

/** The longest a failed run waits before it is tried again. */
const MAX_BACKOFF = 15 * 60_000;

export type SetupResult<T> = { ok: true; value: T } | { ok: false; code: SyncErrorCode; detail?: string };

/** A failure as the views show it: SyncError codes as they are, anything else as 'failed'. */
function codeOf(e: unknown): { code: SyncErrorCode; detail?: string } {
  if (e instanceof SyncError) {
    const code = e.code;
    if (code === 'tokenExpired' || code === 'truncated' || code === 'gone')
      return { code: 'server', detail: e.message };
    if (code === 'preconditionFailed') return { code: 'conflict', detail: e.message };
    return { code, detail: code === 'elsewhere' ? e.message : undefined };
  }
  return { code: 'failed', detail: String(e).slice(0, 300) };
}

async function attempt<T>(work: () => Promise<T>): Promise<SetupResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    return { ok: false, ...codeOf(e) };
  }
}

/** Whether the browser still lets Reconnect reach every origin of the account. */
export async function permitted(origins: string[]): Promise<boolean> {
  if (!origins.length) return false;
  return browser.permissions.contains({ origins: origins.map(originPattern) });
}

function davFor(account: SyncAccount): Dav {
  return new Dav({ credentials: { username: account.username, password: account.password }, origins: account.origins });
}

/**
 * Setup, step 1: the server, user name and app password, tried at once. The origins must already be granted (the
 * options page asks for them in the user's click). On success the account is kept, not yet syncing.
 */
export async function connect(
  db: DB,
  input: { server: string; username: string; password: string; origins: string[] },
): Promise<SetupResult<{ books: AddressBook[]; home: string }>> {
  return attempt(async () => {
    const { url, user } = serverAddress(input.server);
    if (!(await permitted(input.origins))) throw new SyncError('permission', url.origin);
    const account: SyncAccount = {
      server: url.href,
      username: input.username.trim() || user,
      password: input.password,
      origins: input.origins,
      enabled: false,
    };
    const found = await davFor(account).discover(url);
    await saveSyncAccount(db, account);
    await updateSyncStatus(db, () => ({ linked: false, failures: 0 }));
    return found;
  });
}

/** Setup, step 2a: a new address book named "Reconnect" in the user's home. */
export async function createBook(db: DB, home: string): Promise<SetupResult<AddressBook>> {
  return attempt(async () => {
    const account = await getSyncAccount(db);
    if (!account) throw new SyncError('failed', 'no account');
    return davFor(account).createBook(home, BOOK_NAME);
  });
}

async function engineFor(db: DB, account: SyncAccount, onStep?: () => Promise<void>): Promise<Engine> {
  if (!account.book) throw new SyncError('failed', 'no address book chosen');
  return new Engine(
    {
      db,
      dav: davFor(account),
      now: Date.now,
      circles: circleNaming((await getSettings(db)).circles, circleLabels()),
      defaults: async () => {
        const s = await getSettings(db);
        return { cadenceDays: s.defaultCadenceDays, perWeek: s.perReminder };
      },
      ...(onStep ? { onStep } : {}),
    },
    { ...account, book: account.book },
  );
}

/** Setup, step 2b: the chosen book, and what linking it would do on each side (nothing is written). */
export async function chooseBook(db: DB, book: AddressBook): Promise<SetupResult<LinkPreview>> {
  return attempt(async () => {
    const account = await getSyncAccount(db);
    if (!account) throw new SyncError('failed', 'no account');
    if (book.readOnly) throw new SyncError('readOnly', book.url);
    if (!account.origins.includes(new URL(book.url).origin)) throw new SyncError('elsewhere', new URL(book.url).origin);
    const next = { ...account, book: { url: book.url, name: book.name } };
    await saveSyncAccount(db, next);
    return (await engineFor(db, next, keepAlive())).preview();
  });
}

/** Setup, step 3: the user confirmed the preview: sync is on. */
export async function start(db: DB): Promise<void> {
  const account = await getSyncAccount(db);
  if (!account?.book) return;
  await saveSyncAccount(db, { ...account, enabled: true });
}

/** Turns sync off (the account stays; nothing is sent) or on again. */
export async function setEnabled(db: DB, enabled: boolean): Promise<void> {
  const account = await getSyncAccount(db);
  if (account) await saveSyncAccount(db, { ...account, enabled });
}

/** Removes the account: credentials, status and sync state are deleted, and the server's permission given back. */
export async function removeAccount(db: DB): Promise<void> {
  const account = await getSyncAccount(db);
  await removeSyncAccount(db);
  if (account?.origins.length)
    await browser.permissions.remove({ origins: account.origins.map(originPattern) }).catch(() => false);
}

/**
 * Answers the question a suddenly empty side asked. Server empty: 'restore' writes everyone here to the server
 * again, 'delete' deletes here the people whose cards are gone. Book empty here: 'restore' brings everyone back
 * from the server, 'delete' deletes their cards there too.
 */
export async function resolve(db: DB, choice: 'restore' | 'delete'): Promise<void> {
  const status = await getSyncStatus(db);
  const entries = await syncEntries(db);
  if (status.attention === 'serverEmpty') {
    if (choice === 'restore')
      // Forget the cards: every contact is written to the server as new.
      await applySyncWrite(db, {
        deleteEntries: entries.map((e) => e.id),
        status: (s) => ({ ...s, attention: undefined, pending: undefined, token: undefined }),
        pullList: null,
      });
    else
      await applySyncWrite(db, {
        deleteContacts: entries.map((e) => e.id),
        deleteEntries: entries.map((e) => e.id),
        status: (s) => ({ ...s, attention: undefined, pending: undefined }),
        pullList: null,
      });
  } else if (status.attention === 'localEmpty') {
    if (choice === 'restore')
      // Forget the cards and the token: the next run reads the whole book as new people.
      await applySyncWrite(db, {
        deleteEntries: entries.map((e) => e.id),
        status: (s) => ({ ...s, attention: undefined, pending: undefined, token: undefined }),
        pullList: null,
      });
    else await updateSyncStatus(db, (s) => ({ ...s, attention: undefined, confirmEmpty: true }));
  }
}

/** Calls an extension API now and then during a long run: each call tells the browser the worker is busy. */
function keepAlive(): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < 20_000) return;
    last = Date.now();
    await browser.runtime.getPlatformInfo().catch(() => undefined);
  };
}

let running: Promise<RunReport | null> | null = null;

/**
 * One sync run, unless one is under way (then that one). Runs only with an account that is on, has a book, and
 * whose origins the browser still grants; otherwise nothing is sent. Returns null when nothing ran.
 */
export function runSync(db: DB): Promise<RunReport | null> {
  running ??= (async () => {
    try {
      const account = await getSyncAccount(db);
      if (!account?.enabled || !account.book) return null;
      if (!(await permitted(account.origins))) {
        await updateSyncStatus(db, (s) => ({ ...s, error: { code: 'permission', at: Date.now() } }));
        return null;
      }
      try {
        return await (await engineFor(db, account, keepAlive())).run();
      } catch (e) {
        const { code, detail } = codeOf(e);
        await updateSyncStatus(db, (s) => ({
          ...s,
          failures: s.failures + 1,
          error: { code, at: Date.now(), ...(detail ? { detail } : {}) },
        }));
        throw e;
      }
    } finally {
      running = null;
    }
  })();
  return running;
}

/** How long to wait before retrying after `failures` failed runs in a row: 30 s, doubling, at most 15 min. */
export function backoff(failures: number): number {
  return Math.min(MAX_BACKOFF, 30_000 * 2 ** Math.max(0, failures - 1));
}
