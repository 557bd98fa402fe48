import { browser } from '../platform/browser';
import { t, tn } from '../platform/i18n';
import { CaptureCard } from './CaptureCard';
import { ContactForm } from './ContactForm';
import { ContactList } from './ContactList';
import { draftFromPage } from './draft';
import type { PopupState } from './state';

function ManualEntry({ state }: { state: PopupState }) {
  const tab = state.tab.value;
  const page = state.page.value;
  const restricted = tab?.kind === 'restricted';
  const initial = page ? draftFromPage(page.title, page.url) : { name: '' };
  return (
    <section class="card manual" aria-labelledby="manual-heading">
      <h2 id="manual-heading">{t('quickAdd')}</h2>
      <p class="hint">{restricted ? t('captureRestricted') : page ? t('captureNoPerson') : t('quickAddHint')}</p>
      <ContactForm
        initial={initial}
        submitLabel={t('save')}
        onSubmit={async (draft) => {
          await state.quickAdd(draft);
        }}
      />
    </section>
  );
}

export function App({ state }: { state: PopupState }) {
  const capture = state.page.value?.capture;
  return (
    <>
      <header class="bar">
        <h1>{t('extName')}</h1>
        <span class="stats" data-testid="stats">
          {tn('statsPeople', state.contacts.value.length)}
        </span>
        <button type="button" class="ghost" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      {!state.loaded.value ? (
        <p class="loading" aria-live="polite">
          {t('loading')}
        </p>
      ) : capture ? (
        <CaptureCard state={state} capture={capture} />
      ) : (
        <ManualEntry state={state} />
      )}
      <ContactList state={state} />
    </>
  );
}
