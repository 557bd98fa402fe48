/**
 * suggestedName(document, url): the name the popup would suggest for this page, capture and suggestion together
 * (capture/clues.ts reads the page, contacts/suggest.ts weighs it). For tests and the corpus; not in any bundle.
 */
import { suggestName } from '../contacts/suggest';
import { titleClues } from './clues';
import { pageOf } from './page';

export function suggestedName(doc: Document, url: string): string {
  try {
    const clues = titleClues(pageOf(doc, url));
    return clues ? suggestName(clues, url) : '';
  } catch {
    return '';
  }
}
