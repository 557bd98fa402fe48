/**
 * A new install opens the welcome page: a new extension's button sits in the browser's extensions menu, not in the
 * toolbar, and capture starts from that button. Only for a book never installed in this profile (`kept`: the
 * reminder's state is stored already): not on an update or a browser start, nor where the browser installs anew an
 * extension it loads at each start (a developer's unpacked build, Firefox's temporary add-on) and the book is there.
 */
import { browser } from '../platform/browser';

export const WELCOME_VIEW = 'options.html#welcome';

export async function welcomeNewInstall(reason: string, kept: boolean): Promise<void> {
  if (reason === 'install' && !kept) await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_VIEW) });
}
