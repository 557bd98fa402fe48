import { useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { FirstReminder } from '../ui/FirstReminder';
import { useNow } from '../ui/useNow';
import type { OptionsState } from './state';

/** The keys that open the popup, as the browser says them ("Alt+Shift+K"); '' when none is set (a clash, removed). */
function useShortcut(): string {
  const [keys, setKeys] = useState('');
  useEffect(() => {
    browser.commands.getAll().then(
      (all) => setKeys(all.find((c) => c.name === '_execute_action')?.shortcut ?? ''),
      // Without the shortcut the page still says everything else.
      (e: unknown) => console.error(e),
    );
  }, []);
  return keys;
}

/**
 * The page a new install opens (background/welcome.ts), in the order a new user meets Reconnect: the toolbar
 * button (a new extension sits in the browser's extensions menu, and capture starts from the button), saving from
 * a profile, writing everyone down, and the weekly slot.
 */
export function Welcome({ state }: { state: OptionsState }) {
  const shortcut = useShortcut();
  const now = useNow();
  return (
    <section class="card welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('welcomeHeading')}</h2>
      <p>{t('welcomeIntro')}</p>
      <ol class="welcome__steps">
        <li>
          <h3>{t('welcomePinHeading')}</h3>
          <p>
            {t('welcomePin')}
            {shortcut && ` ${t('welcomeShortcut', shortcut)}`}
          </p>
        </li>
        <li>
          <h3>{t('welcomeCaptureHeading')}</h3>
          <p>{t('welcomeCapture')}</p>
        </li>
        <li>
          <h3>{t('welcomeListHeading')}</h3>
          <p>{t('emptyBody')}</p>
          <p>
            <a href="#data-list">{t('emptyImport')}</a>
          </p>
        </li>
        <li>
          <h3>{t('welcomeSlotHeading')}</h3>
          <FirstReminder settings={state.settings.value} now={now} inPopup={false} />
        </li>
      </ol>
    </section>
  );
}
