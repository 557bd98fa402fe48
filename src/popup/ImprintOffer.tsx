/**
 * On a page of a site without a person, the site's legal notice offered: who runs the site is in it, and one click
 * opens it in the tab and reads them (PageSlot.tsx). In the popup's later code, loaded for such pages anyway.
 */
import { nobodysHost } from '../contacts/app-pages';
import type { PageCapture } from '../contacts/capture';
import { safeHttpUrl } from '../contacts/profile-url';
import { t } from '../platform/i18n';
import { refocusIfLost } from '../ui/focus-lost';
import type { PopupState } from './state';

/**
 * The site's legal notice a page without a person links to: on the page's own site, over http(s). Not a mailbox's
 * or a search engine's (app-pages.ts): who runs them is not whom the user wants to add.
 */
function imprintOf(page: PageCapture | null): string | undefined {
  const link = page?.imprintLink ? safeHttpUrl(page.imprintLink) : null;
  const own = page && safeHttpUrl(page.url);
  return link && own && !page.capture && link.origin === own.origin && !nobodysHost(own.hostname)
    ? link.href
    : undefined;
}

export function ImprintOffer({ state }: { state: PopupState }) {
  const imprint = imprintOf(state.page.value);
  return imprint ? (
    <p class="hint">
      {t('imprintOffer')}{' '}
      <button
        type="button"
        class="link"
        onClick={async () => {
          await state.readImprint(imprint);
          // The button is gone with the page it was on: the form the notice filled takes the focus it had.
          await refocusIfLost(() => document.querySelector<HTMLElement>('.manual input[name="name"]'));
        }}
      >
        {t('imprintRead')}
      </button>
    </p>
  ) : null;
}
