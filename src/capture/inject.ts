/**
 * Injected into the viewed tab on demand (scripting.executeScript, activeTab). It adds no listeners and changes
 * nothing in the page: it reads the page once and its completion value is handed back to the popup (see the
 * footer in build.mjs). Injecting it twice is harmless.
 */

import type { PageCapture } from '../contacts/capture';
import { cleanText } from './clean';
import { extractFrom } from './extract';
import { pageOf } from './page';
import { jsonRepair } from './repair-hook';
import { suggestedNameOf } from './suggest';

function run(): PageCapture {
  const url = location.href;
  const title = cleanText(document.title, 300);
  try {
    const page = pageOf(document, url);
    const capture = extractFrom(page);
    const result: PageCapture = { url, title, capture, suggestedName: capture ? '' : suggestedNameOf(page) };
    // Structured data we could not read: the popup injects json-repair.js and asks once more.
    if (page.jsonLdUnreadable() > 0 && !jsonRepair()) result.retryWithRepair = true;
    return result;
  } catch (e) {
    // A page we cannot read still gets the manual form, with its address.
    return { url, title, capture: null, suggestedName: '', error: String(e).slice(0, 200) };
  }
}

export default run();
