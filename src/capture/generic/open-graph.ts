import { cleanName, cleanUrl } from '../clean';
import type { Found, GenericExtractor } from '../found';

/**
 * OpenGraph, only for pages that call themselves a profile (og:type profile). profile:first_name/last_name on an
 * article describe its author, not the page.
 */
export const openGraph: GenericExtractor = {
  id: 'open-graph',
  extract(page) {
    if (page.meta('og:type').toLowerCase() !== 'profile') return null;
    const first = page.meta('profile:first_name');
    const last = page.meta('profile:last_name');
    const found: Found = {};
    // Given and family name are the person's own; og:title often carries a site name ("Lena | Portfolio").
    const name = (first && last && cleanName(`${first} ${last}`)) || cleanName(page.meta('og:title'));
    if (name) found.name = name;
    const photo = cleanUrl(page.meta('og:image') || page.meta('og:image:url'), page.href);
    if (photo) found.photoUrl = photo;
    return found;
  },
};
