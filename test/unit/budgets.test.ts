import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs tool without types
import { callsOutsidePopupApis } from '../tools/budgets.mjs';

describe('the popup without the polyfill', () => {
  it('flags the calls the popup may not make without webextension-polyfill, and only those', () => {
    const text = `await browser.tabs.query({}); browser.i18n.getMessage('x');
      browser.permissions.request({ origins }); browser.runtime.sendMessage({ type: 'x' });`;
    expect(callsOutsidePopupApis(text)).toEqual(['permissions.request', 'runtime.sendMessage']);
    expect(callsOutsidePopupApis('browser.scripting.executeScript({ target })')).toEqual([]);
  });
});
