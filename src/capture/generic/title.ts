import { cleanName } from '../clean';
import type { GenericExtractor } from '../found';

/**
 * The last resort: the document title (without site noise) or meta author. extract.ts uses it only where a site
 * adapter or og:type says the page is a profile; on any other page a title is not a person.
 */
export const title: GenericExtractor = {
  id: 'title',
  extract(page) {
    const name = cleanName(page.doc.title) || cleanName(page.meta('author'));
    return name ? { name } : null;
  },
};
