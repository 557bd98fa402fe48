// First, before the rest is evaluated: starts reading the page and opening the database.
import './early';
import { effect } from '@preact/signals';
import { render } from 'preact';
import { t, uiLocale } from '../platform/i18n';
import { send } from '../platform/messages';
import { onChange } from '../storage/changes';
import { getSettings } from '../storage/settings';
import { getSyncAccount, getSyncStatus } from '../storage/sync-state';
import { whenIdle } from '../ui/idle';
import { errorMessage, showFatal } from '../ui/messages';
import '../ui/base.css';
import './popup.css';
import { captureTab } from '../platform/capture-tab';
import { App, LazyDetail } from './App';
import { capturing, onDatabaseEvent, opening, target } from './early';
import { later } from './load-later';
import { createPopupState } from './state';

/** Sync's state in a line: only when it is set up and on. */
async function syncLine(db: Parameters<typeof getSettings>[0]) {
  const account = await getSyncAccount(db);
  if (!account?.enabled) return null;
  const status = await getSyncStatus(db);
  return {
    ...(status.lastSyncAt ? { lastSyncAt: status.lastSyncAt } : {}),
    problem: !!(status.error || status.attention || status.held),
  };
}

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  document.documentElement.lang = uiLocale();
  document.title = t('extName');
  onDatabaseEvent((event) => {
    // Another view upgraded the database (or holds up our upgrade): this one can no longer write safely. Or the
    // browser closed the connection (an IO error such as a full disk): nothing more can be read or written here.
    showFatal(t(event === 'terminated' ? 'errorDbLost' : 'errorDbBlocked'));
  });
  const db = await opening;
  const state = createPopupState({
    db,
    now: Date.now,
    capture: (again) => (again ? target.then(captureTab) : capturing),
    open: async (url) => {
      const tab = await target;
      if (tab) await (await later()).openInTab(tab, url);
    },
    tabUrl: async () => (await target)?.url,
    selection: async () => {
      const tab = await target;
      return tab ? (await later()).selectionIn(tab.id) : '';
    },
    settings: () => getSettings(db),
    sync: () => syncLine(db),
    later,
    // The service worker writes it: a popup is often closed before it could (storage/search-copy.ts).
    askCopy: () => send('search-copy-stale', {}).then(() => undefined),
  });
  // Reading starts before the first render, so the rows arrive as early as the database can give them.
  const loading = state.load();
  render(<App state={state} />, root);
  performance.mark('popup:first-render');
  // A contact's page is needed only on a click: loaded once everyone is read, so its code (the page, its links,
  // who can introduce, the log form) never competes with the first rows.
  void loading.then(() => whenIdle(() => void LazyDetail.preload(), 1000));
  onChange((change) => {
    if (change.kind === 'contacts') void state.refresh(change.ids);
    if (change.kind === 'sync') void state.reloadSync();
  });
  // Busy until the list is complete; the page's answer is not waited for (a busy page never holds up the view).
  effect(() => {
    if (state.complete.value) root.setAttribute('aria-busy', 'false');
  });
  await loading;
}

void main().catch((e) => {
  console.error(e);
  showFatal(errorMessage(e));
});
