import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '../platform/i18n';
import { send } from '../platform/messages';
import { type DB, openDatabase } from '../storage/db';
import { getSettings, type Settings, saveSettings } from '../storage/settings';
import { errorMessage, showFatal } from '../ui/messages';
import '../ui/base.css';
import './options.css';
import { ImportExport } from './ImportExport';
import { ReconnectView } from './ReconnectView';
import { SettingsForm } from './SettingsForm';

type Route = 'settings' | 'reconnect' | 'data';
const routeOf = (hash: string): Route =>
  hash.startsWith('#reconnect') ? 'reconnect' : hash.startsWith('#data') ? 'data' : 'settings';

function App({ db, settings }: { db: DB; settings: Settings }) {
  const [route, setRoute] = useState<Route>(routeOf(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
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
          <a href="#settings" aria-current={route === 'settings' ? 'page' : undefined}>
            {t('openOptions')}
          </a>
        </nav>
      </header>
      {route === 'reconnect' ? (
        <ReconnectView db={db} />
      ) : route === 'data' ? (
        <ImportExport db={db} circles={settings.circles} />
      ) : (
        <SettingsForm
          initial={settings}
          onSave={async (s) => {
            await saveSettings(db, s);
            // The worker reschedules the weekly alarm now, not at its next wake.
            await send('settings-changed', {});
          }}
        />
      )}
    </>
  );
}

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  document.documentElement.lang = uiLocale();
  document.title = t('optionsTitle');
  const db = await openDatabase((event) => showFatal(t(event === 'terminated' ? 'errorDbLost' : 'errorDbBlocked')));
  const settings = await getSettings(db);
  render(<App db={db} settings={settings} />, root);
  root.setAttribute('aria-busy', 'false');
}

void main().catch((e) => showFatal(errorMessage(e)));
