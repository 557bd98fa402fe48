/**
 * Opening another page of the site in the tab the popup is about: its legal notice, which the popup offers on the
 * site's other pages. In the popup's later code (later.ts): only a click asks for it.
 */
import { browser } from './browser';
import type { TargetTab } from './capture-tab';

/** How long opening a page in the tab may take before it is read as far as it has loaded. */
const OPEN_MS = 10_000;

/**
 * Opens `url` in the tab (a site's legal notice, which the popup offers on the site's other pages) and resolves once
 * it has loaded, or after OPEN_MS: the next capture reads it. Chrome keeps the toolbar click's grant on the same
 * site; Firefox asks for another click (the popup says so when the read is refused).
 */
export function openInTab(tab: TargetTab, url: string): Promise<void> {
  return new Promise((done) => {
    let loading = false;
    const listener = (id: number, change: { status?: string }) => {
      if (id !== tab.id) return;
      // The new page's load: the old one may still be finishing its own when the address is set.
      if (change.status === 'loading') loading = true;
      else if (loading && change.status === 'complete') finish();
    };
    const timer = setTimeout(finish, OPEN_MS);
    function finish() {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(listener);
      done();
    }
    browser.tabs.onUpdated.addListener(listener);
    browser.tabs.update(tab.id, { url }).catch(finish);
  });
}
