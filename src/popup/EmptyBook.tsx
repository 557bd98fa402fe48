import { t } from '../platform/i18n';
import { FirstReminder } from '../ui/FirstReminder';
import type { PopupState } from './state';

/**
 * The popup of an empty book: who to write down, the two ways to start (one person by hand, or many from a file),
 * and when the weekly reminder comes. Loaded with the popup's later chunk: a first-run screen, never the first
 * screen of a book in use.
 */
export function EmptyBook({ state }: { state: PopupState }) {
  return (
    <section class="list empty" aria-labelledby="list-heading">
      <h2 id="list-heading" class="visually-hidden">
        {t('listHeading')}
      </h2>
      <h3>{t('emptyTitle')}</h3>
      <p>{t('emptyBody')}</p>
      <div class="empty__actions">
        <button type="button" class="primary" onClick={() => (state.view.value = { name: 'add' })}>
          {t('quickAdd')}
        </button>
        <a href="options.html#data-list" target="_blank" rel="noopener">
          {t('emptyImport')}
        </a>
      </div>
      <FirstReminder settings={state.settings.value} now={state.now.value} inPopup />
    </section>
  );
}
