import type { SiteAdapter } from '../found';

/**
 * Site adapters, tried in order; the first whose `matches` accepts the page is used. The generic chain in
 * extract.ts always runs after the adapter (a convention test checks each adapter has fixtures and a README row).
 */
export const SITES: SiteAdapter[] = [];
