/**
 * The browser's own extension API in place of webextension-polyfill, for the popup (build.mjs aliases the polyfill
 * here for that bundle only): Firefox's `browser` and Chrome's `chrome` both answer the calls the popup makes with
 * promises (tabs.query, tabs.get, scripting.executeScript, runtime.openOptionsPage; i18n is synchronous), so the
 * popup's first bundle is 3 KB lighter. test/tools/budgets.mjs fails when the popup calls anything else.
 */
import type Browser from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
const api = (g.browser ?? g.chrome) as typeof Browser;
export default api;
