/**
 * What the capture script reads of a page without a person so the popup can suggest a name for the quick-add form
 * (contacts/suggest.ts weighs it there, outside the page): nothing on a known site's other pages or on pages that
 * plainly hold no one (articles, companies, search results), and only for http(s) pages.
 */
import type { TitleClues } from '../contacts/suggest';
import { cleanName, cleanText, MAX } from './clean';
import type { SiteAdapter } from './found';
import type { Page } from './page';
import { isKnownSitePage, notAProfile } from './read';

/**
 * `sites`: the adapters of the script reading the page (contacts/capture-scripts.ts); a site's pages are known by
 * its hosts too.
 */
export function titleClues(page: Page, sites: readonly SiteAdapter[]): TitleClues | undefined {
  if (!/^https?:$/.test(page.url.protocol) || isKnownSitePage(page, sites) || notAProfile(page)) return undefined;
  const title = cleanName(page.doc.title);
  if (!title) return undefined;
  return {
    title,
    heading: cleanText(page.doc.querySelector('h1, h2')?.textContent ?? '', MAX.name * 2),
    author: cleanText(page.meta('author'), MAX.name * 2),
    siteName: cleanText(page.meta('og:site_name'), MAX.name * 2),
  };
}
