import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser';
import { nameCirclesInSearch } from '../platform/circles';
import { t, uiLocale } from '../platform/i18n';
import { send } from '../platform/messages';
import '../sync/messages';
import { onChange } from '../storage/changes';
import { type DB, openDatabase } from '../storage/db';
import { lazyComponent } from '../ui/lazy';
import { errorMessage, showFatal } from '../ui/messages';
import { tellWorkerOfWrites } from '../ui/tell-worker';
import '../ui/base.css';
import './options.css';
import { ImportExport } from './ImportExport';
import { ReconnectView } from './ReconnectView';
import { SettingsForm } from './SettingsForm';
import { createOptionsState, type OptionsState, type Route, routeOf } from './state';
import type { SyncDeps } from './sync-state';
import { Welcome } from './Welcome';

/** The Sync tab's section and state: loaded when the tab is first shown (options/sync-view.tsx). */
const SyncView = lazyComponent(() => import('./sync-view').then((m) => m.SyncView));

function App({ db, state, sync }: { db: DB; state: OptionsState; sync: SyncDeps }) {
  const [route, setRoute] = useState<Route>(routeOf(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  // The welcome page's tab says what it is.
  useEffect(() => {
    document.title = t(route === 'welcome' ? 'welcomeHeading' : 'optionsTitle');
  }, [route]);
  return (
    <>
      <header class="page__head">
        <h1>{t('optionsTitle')}</h1>
        <p class="hint">{t('optionsIntro')}</p>
        <nav class="tabs" aria-label={t('optionsTitle')}>
          <a href="#reconnect" aria-current={route === 'reconnect' ? 'page' : undefined}>
            {t('reconnectHeading')}
          </a>
          <a href="#data" aria-current={route === 'data' ? 'page' : undefined}>
            {t('dataHeading')}
          </a>
          <a href="#sync" aria-current={route === 'sync' ? 'page' : undefined}>
            {t('syncTab')}
          </a>
          <a href="#settings" aria-current={route === 'settings' ? 'page' : undefined}>
            {t('openOptions')}
          </a>
        </nav>
      </header>
      {route === 'reconnect' ? (
        <ReconnectView state={state} />
      ) : route === 'data' ? (
        <ImportExport db={db} state={state} />
      ) : route === 'sync' ? (
        <SyncView deps={sync} />
      ) : route === 'welcome' ? (
        <Welcome state={state} />
      ) : (
        <SettingsForm state={state} />
      )}
    </>
  );
}

async function main() {
  // Before the database is opened (an upgrade writes the search index): circles named in the user's language.
  nameCirclesInSearch();
  const root = document.getElementById('app');
  if (!root) return;
  document.documentElement.lang = uiLocale();
  document.title = t('optionsTitle');
  const db = await openDatabase((event) => showFatal(t(event === 'terminated' ? 'errorDbLost' : 'errorDbBlocked')));
  tellWorkerOfWrites();
  const state = createOptionsState({
    db,
    now: Date.now,
    settingsChanged: () => send('settings-changed', {}),
    onChange,
  });
  const sync: SyncDeps = {
    db,
    send,
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    onChange,
  };
  await state.load();
  render(<App db={db} state={state} sync={sync} />, root);
  root.setAttribute('aria-busy', 'false');
}

void main().catch((e) => showFatal(errorMessage(e)));
