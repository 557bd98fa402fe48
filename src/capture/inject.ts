/**
 * Injected into the viewed tab on demand (scripting.executeScript, activeTab). It adds no listeners and changes
 * nothing in the page: it reads the page once and its completion value is handed back to the popup (see the
 * footer in build.mjs). Injecting it twice is harmless.
 */

import type { PageCapture } from '../contacts/capture';
import { cleanText } from './clean';
import { titleClues } from './clues';
import { extractFrom } from './extract';
import { pageOf } from './page';
import { jsonRepair } from './repair-hook';

function run(): PageCapture {
  const url = location.href;
  const title = cleanText(document.title, 300);
  try {
    const page = pageOf(document, url);
    const capture = extractFrom(page);
    const result: PageCapture = { url, title, capture };
    // Without a person: what the popup needs to suggest a name from the title (it weighs it, not this script).
    const clues = capture ? undefined : titleClues(page);
    if (clues) result.clues = clues;
    // Structured data we could not read: the popup injects json-repair.js and asks once more.
    if (page.jsonLdUnreadable() > 0 && !jsonRepair()) result.retryWithRepair = true;
    return result;
  } catch (e) {
    // A page we cannot read still gets the manual form, with its address.
    return { url, title, capture: null, error: String(e).slice(0, 200) };
  }
}

export default run();
