/**
 * What the manual form starts from on a page without a person: the name the page's title suggests
 * (contacts/suggest.ts), and whom a site's legal notice names (contacts/imprint.ts). The capture script read what
 * they weigh in the page; this weighs it in the popup, in its later code.
 */
import type { PageCapture } from '../contacts/capture';
import { readImprint } from '../contacts/imprint';
import { suggestName } from '../contacts/suggest';

export function suggestFor(page: PageCapture): PageCapture {
  const fromImprint = page.imprint && readImprint(page.imprint, page.url);
  return {
    ...page,
    suggestedName: page.clues ? suggestName(page.clues, page.url) : '',
    ...(fromImprint ? { fromImprint } : {}),
  };
}
