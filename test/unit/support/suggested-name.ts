/**
 * suggestedName(document, url): the name the popup would suggest for this page, capture and suggestion together
 * (capture/clues.ts reads the page, contacts/suggest.ts weighs it), for tests: the product does the two apart,
 * in the page and in the popup.
 */

import { titleClues } from '../../../src/capture/clues';
import { pageOf } from '../../../src/capture/page';
import { SITES } from '../../../src/capture/sites';
import { suggestFor } from '../../../src/popup/page-suggestion';

export function suggestedName(doc: Document, url: string): string {
  try {
    const clues = titleClues(pageOf(doc, url), SITES);
    return clues ? (suggestFor({ url, title: doc.title, capture: null, clues }).suggestedName ?? '') : '';
  } catch {
    return '';
  }
}
