/**
 * Injected into the viewed tab on demand (scripting.executeScript, activeTab). It adds no listeners and changes
 * nothing in the page: it reads the page once and its completion value is handed back to the popup (see the
 * footer in build.mjs). Injecting it twice is harmless.
 */

import type { PageCapture } from '../contacts/capture';
import { cleanText } from './clean';
import { extractProfile } from './extract';

function run(): PageCapture {
  const url = location.href;
  const title = cleanText(document.title, 300);
  try {
    return { url, title, capture: extractProfile(document, url) };
  } catch (e) {
    // A page we cannot read still gets the manual form, prefilled with its title and URL.
    return { url, title, capture: null, error: String(e).slice(0, 200) };
  }
}

export default run();
