import { nextSlot, type Slot } from '../contacts/schedule';
import { formatSlot, t } from '../platform/i18n';

/**
 * When the weekly reminder first names people, with its date ("… zum ersten Mal am Montag, 14. Dezember um 9:00"),
 * and a link to where its time is set; or that it is off, with the way to turn it on. Said where a new user starts:
 * the popup of an empty book and the welcome page. Worked out from the settings as stored, so it is the moment the
 * alarm fires. From the popup the settings open in a tab; on the options page they are its own tab.
 */
export function FirstReminder({
  settings,
  now,
  inPopup,
}: {
  settings: Slot & { remindersOn: boolean };
  now: number;
  inPopup: boolean;
}) {
  const label = t(settings.remindersOn ? 'slotChange' : 'slotTurnOn');
  return (
    <p class="first-reminder" data-testid="first-reminder">
      {settings.remindersOn ? t('slotFirst', formatSlot(nextSlot(now, settings))) : t('slotOff')}{' '}
      {inPopup ? (
        <a href="options.html#settings" target="_blank" rel="noopener">
          {label}
        </a>
      ) : (
        <a href="#settings">{label}</a>
      )}
    </p>
  );
}
