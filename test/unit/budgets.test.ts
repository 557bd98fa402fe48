import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs tool without types
import { callsOutside, PAGE_APIS } from '../tools/budgets.mjs';

describe('the pages without the polyfill', () => {
  it('flags the calls the popup may not make without webextension-polyfill, and only those', () => {
    const text = `await browser.tabs.query({}); browser.i18n.getMessage('x');
      browser.permissions.request({ origins }); browser.runtime.sendMessage({ type: 'x' });
      browser.storage.local.get('x');`;
    // It messages the worker (its writes, ui/tell-worker.ts); it asks for no permission.
    expect(callsOutside(text, PAGE_APIS.popup)).toEqual(['permissions.request', 'storage.local']);
    expect(callsOutside('browser.scripting.executeScript({ target })', PAGE_APIS.popup)).toEqual([]);
  });

  it('lets the options page ask for a permission and message the worker, and nothing the polyfill would change', () => {
    const text = `browser.permissions.request({ origins }); browser.runtime.sendMessage({ type: 'x' });
      browser.i18n.getUILanguage(); browser.storage.local.get('x'); browser.runtime.onMessage.addListener(f);`;
    expect(callsOutside(text, PAGE_APIS.options)).toEqual(['storage.local', 'runtime.onMessage']);
  });
});
