/**
 * The service worker. MV3 stops it between events, so every listener is registered synchronously at the top
 * level and all state lives in storage; each handler opens what it needs.
 */
import { browser } from '../platform/browser';
import { onChange } from '../storage/changes';
import { type DB, openDatabase } from '../storage/db';
import { updateBadge } from './badge';

let dbPromise: Promise<DB> | undefined;
/** One connection per worker life; reopened after a version change elsewhere closed it. */
function db(): Promise<DB> {
  dbPromise ??= openDatabase(() => {
    dbPromise = undefined;
  });
  return dbPromise;
}

async function refreshBadge() {
  try {
    await updateBadge(await db(), Date.now());
  } catch (e) {
    console.error('Reconnect: badge update failed', e);
  }
}

browser.runtime.onInstalled.addListener(() => void refreshBadge());
browser.runtime.onStartup.addListener(() => void refreshBadge());
// Saves in the popup or options page reach the worker while it is awake.
onChange((change) => {
  if (change.kind === 'contacts') void refreshBadge();
});
