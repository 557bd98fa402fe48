/**
 * The service worker. MV3 stops it between events, so every listener is registered synchronously at the top
 * level and all state lives in storage; each handler opens what it needs.
 */
import { browser } from '../platform/browser';
import { nameCirclesInSearch } from '../platform/circles';
import { isMessage } from '../platform/messages';
import { onChange, rereads } from '../storage/changes';
import { type DB, openDatabase } from '../storage/db';
import { moveListedMarks } from '../storage/distinct';
import { getReminderState, hasReminderState, saveReminderState } from '../storage/reminder-state';
import { copySearchIndex } from '../storage/search-copy';
import { updateBadge } from './badge';
import {
  catchUp,
  DIGEST_PREFIX,
  ensureAlarm,
  openReminderView,
  showDigest,
  snoozeDigest,
  WEEKLY_ALARM,
} from './reminder';
import { ensureSyncAlarm, isSyncMessage, SYNC_ALARM, SYNC_MESSAGES, SYNC_SOON, syncNow, syncSoon } from './sync';
import { welcomeNewInstall } from './welcome';

/** The badge's daily refresh in 0.6.0 and before, replaced by one at the next moment someone falls due (badge.ts). */
const OLD_BADGE_ALARM = 'daily-badge';

// Before anyone is read or written: search texts name the starting circles in the user's language.
nameCirclesInSearch();

let dbPromise: Promise<DB> | undefined;
/** One connection per worker life; reopened after a version change elsewhere closed it. */
function db(): Promise<DB> {
  dbPromise ??= openDatabase(() => {
    dbPromise = undefined;
  });
  return dbPromise;
}

/** Runs a handler, logging instead of throwing: one failed event must not break the next. */
function handle(what: string, work: (db: DB) => Promise<unknown>): Promise<void> {
  return db()
    .then(work)
    .then(
      () => undefined,
      (e) => console.error(`Reconnect: ${what} failed`, e),
    );
}

/**
 * Counts the badge again (and sets its alarm for the next moment someone falls due). Asked for by every write
 * announced, a sync's steps too: asked again while one waits to start, it is that one (storage/changes.ts).
 */
const refreshBadge = rereads(() => handle('badge', (d) => updateBadge(d, Date.now())));

browser.runtime.onInstalled.addListener(({ reason }) =>
  handle('install', async (d) => {
    // Read before the state is saved below, for the first time in a new install.
    const kept = await hasReminderState(d);
    const state = await getReminderState(d, Date.now());
    await saveReminderState(d, state);
    // Without the welcome page, the rest still runs.
    await welcomeNewInstall(reason, kept).catch((e) => console.error('Reconnect: welcome failed', e));
    // An update from 0.6.0 or before: its daily count is replaced by the count's own alarm (badge.ts).
    await browser.alarms.clear(OLD_BADGE_ALARM);
    // An update from 0.7.0: its list of "Different people" marks goes onto the people (storage/distinct.ts).
    await moveListedMarks(d, Date.now());
    await updateBadge(d, Date.now());
  }),
);

browser.runtime.onStartup.addListener(() =>
  handle('startup', async (d) => {
    // The marks' move, if an update's was stopped half-way (one read when there is nothing to move).
    await moveListedMarks(d, Date.now());
    // The alarms themselves are ensured by the wake handler below, which runs at every worker start.
    await catchUp(d, Date.now());
    await updateBadge(d, Date.now());
    // A browser start syncs once: another device may have changed the book meanwhile.
    await syncNow(d);
  }),
);

browser.alarms.onAlarm.addListener((alarm) =>
  handle(`alarm ${alarm.name}`, async (d) => {
    if (alarm.name === SYNC_ALARM || alarm.name === SYNC_SOON) {
      await syncNow(d);
      return;
    }
    if (alarm.name === WEEKLY_ALARM) {
      await showDigest(d, Date.now());
      await ensureAlarm(d, Date.now() + 1000);
    }
    await updateBadge(d, Date.now());
  }),
);

function notificationClicked(id: string) {
  if (!id.startsWith(DIGEST_PREFIX)) return;
  void openReminderView();
  void browser.notifications.clear(id);
}
browser.notifications.onClicked.addListener(notificationClicked);

// Reachable only from the extension's own pages (runtime.getBackgroundPage in Firefox): the Firefox tests click a
// notification through it, as automation there cannot. Web pages have no way to this global.
(globalThis as { reconnect?: unknown }).reconnect = { notificationClicked };

// Chrome only (Firefox has no notification buttons): 0 = "Show", 1 = "Snooze a week".
browser.notifications.onButtonClicked?.addListener((id, index) => {
  if (!id.startsWith(DIGEST_PREFIX)) return;
  void browser.notifications.clear(id);
  if (index === 0) void openReminderView();
  else
    void handle('snooze digest', async (d) => {
      // Its writes are announced: the badge follows (below); the address book gets them soon, as a page's would.
      if (await snoozeDigest(d, id, Date.now())) await syncSoon(d);
    });
});

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isMessage(message)) return undefined;
  if (message.type === 'settings-changed')
    return db().then(async (d) => ({ nextAt: await ensureAlarm(d, Date.now()) }));
  if (message.type === 'contacts-changed') return pageWrote().then(() => null);
  if (message.type === 'search-copy-stale') return copySearch().then(() => null);
  if (isSyncMessage(message.type)) {
    const handler = SYNC_MESSAGES[message.type] as (d: DB, r: unknown) => Promise<unknown>;
    return db().then((d) => handler(d, message));
  }
  return undefined;
});

/**
 * A page wrote contacts (its message, ui/tell-worker.ts, starts this worker if the browser had stopped it): the
 * badge is counted again, and the change goes to the address book shortly after (each change moves the moment).
 */
function pageWrote() {
  return Promise.all([refreshBadge(), handle('sync soon', (d) => syncSoon(d))]);
}

/**
 * The search index's copy for reading written anew (storage/search-copy.ts), asked for by a popup whose read found it
 * stale. Here rather than in the popup, which wrote it once it had read everyone and was idle: at 50,000 people that
 * is seconds after the open, and a popup closed before then (a capture saved, a contact logged) left it unwritten,
 * so every later popup read the index the slow way. Asked again while one waits to start, it is that one.
 */
const copySearch = rereads(() => handle('search copy', copySearchIndex));

// This worker's own writes (a sync's, "Snooze a week"'s) change who is due as well.
onChange(
  (change) => {
    if (change.kind === 'contacts') void refreshBadge();
  },
  { from: 'self' },
);

// The server's permission withdrawn in the browser's settings: the next run finds it missing and stops, saying so.
browser.permissions.onRemoved.addListener(() => void handle('sync permission', (d) => syncNow(d)));

// Every wake: the weekly and sync alarms exist (created only when missing or outdated). The badge's alarm is set by
// each count: at install or update, at browser start, after every write and at each moment someone falls due.
void handle('wake', async (d) => {
  await ensureAlarm(d, Date.now());
  await ensureSyncAlarm(d);
});
