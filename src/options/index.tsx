import { render } from 'preact';
import { t, uiLocale } from '../platform/i18n';
import { openDatabase } from '../storage/db';
import { getSettings, saveSettings } from '../storage/settings';
import { errorMessage } from '../ui/messages';
import '../ui/base.css';
import './options.css';
import { SettingsForm } from './SettingsForm';

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  document.documentElement.lang = uiLocale();
  document.title = t('optionsTitle');
  const db = await openDatabase();
  const settings = await getSettings(db);
  render(
    <>
      <header class="page__head">
        <h1>{t('optionsTitle')}</h1>
        <p class="hint">{t('optionsIntro')}</p>
      </header>
      <SettingsForm initial={settings} onSave={(s) => saveSettings(db, s)} />
    </>,
    root,
  );
  root.setAttribute('aria-busy', 'false');
}

void main().catch((e) => {
  const p = document.createElement('p');
  p.className = 'error banner';
  p.setAttribute('role', 'alert');
  p.textContent = errorMessage(e);
  document.body.prepend(p);
});
