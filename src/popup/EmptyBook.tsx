import { nextSlot } from '../contacts/schedule';
import { formatSlot, t } from '../platform/i18n';
import type { PopupState } from './state';

/**
 * The weekly slot, said where a new user first looks: with no one written down yet, the popup tells when the
 * reminder will first name people (and where to change the time), or that the reminder is off. Read from the
 * settings as stored, at the popup's clock, so it is the moment the alarm will fire.
 */
function SlotLine({ state }: { state: PopupState }) {
  const s = state.settings.value;
  if (!s.remindersOn)
    return (
      <p class="empty__slot" data-testid="empty-slot">
        {t('emptySlotOff')}{' '}
        <a href="options.html#settings" target="_blank" rel="noopener">
          {t('emptySlotTurnOn')}
        </a>
      </p>
    );
  return (
    <p class="empty__slot" data-testid="empty-slot">
      {t('emptySlot', formatSlot(nextSlot(state.now.value, s)))}{' '}
      <a href="options.html#settings" target="_blank" rel="noopener">
        {t('emptySlotChange')}
      </a>
    </p>
  );
}

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
      <SlotLine state={state} />
    </section>
  );
}
