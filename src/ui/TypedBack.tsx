import { t } from '../platform/i18n';

/** Said on a form given back what was typed into it before the popup closed (ui/typed.ts), with a way to drop it. */
export function TypedBack({ onDiscard }: { onDiscard: () => void }) {
  return (
    <p class="hint typed-back">
      <span>{t('typedBack')}</span>{' '}
      <button type="button" class="link" onClick={onDiscard}>
        {t('typedDiscard')}
      </button>
    </p>
  );
}
