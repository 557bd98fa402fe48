/**
 * The browser's own extension API in place of webextension-polyfill, for the popup and the options page (build.mjs
 * aliases the polyfill here for those bundles; the service worker keeps it). Firefox's `browser` and Chrome's
 * `chrome` (MV3, Chrome ≥ 120) both answer the calls these pages make with promises — tabs.query, tabs.get,
 * scripting.executeScript, runtime.openOptionsPage, permissions.request, runtime.sendMessage; i18n is synchronous —
 * so the popup's first bundle is 3 KB lighter and the options page's too. test/tools/budgets.mjs fails when either
 * page calls anything else. One difference stays: a worker listener's rejection reaches a Chrome page as the
 * polyfill's reply object, not as a rejection (platform/messages.ts turns it back into one).
 */
import type Browser from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
const api = (g.browser ?? g.chrome) as typeof Browser;
export default api;
