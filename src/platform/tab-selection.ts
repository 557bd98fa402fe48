/**
 * The text the user selected in the tab (a mail's signature, a business card), read on a page without a person for
 * the manual form (contacts/signature.ts). A function injected once, under the toolbar click's activeTab grant, that
 * returns the selection and leaves nothing behind. Every frame the extension may read is asked (some webmails show
 * a mail in a frame of their own); a page that refuses, or where nothing is selected, gives ''.
 */
import { SELECTION_CHARS } from '../contacts/signature';
import { browser } from './browser';

/** Runs in the page: its selection's text, up to `max` characters. */
const selected = (max: number) => String(globalThis.getSelection?.() ?? '').slice(0, max);

export async function selectionIn(tabId: number): Promise<string> {
  const read = async (allFrames: boolean) => {
    const results = await browser.scripting.executeScript({
      target: { tabId, allFrames },
      func: selected,
      args: [SELECTION_CHARS],
    });
    return results.map((r) => (typeof r.result === 'string' ? r.result.trim() : '')).find(Boolean) ?? '';
  };
  try {
    return await read(true);
  } catch {
    // A frame the extension may not read can refuse the whole call: the tab's own page alone, then.
    return read(false).catch(() => '');
  }
}
